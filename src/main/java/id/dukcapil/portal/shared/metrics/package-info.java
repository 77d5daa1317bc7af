/**
 * What the modules' meter binders share (decision 178): a reading taken at most once per scrape.
 */
@NamedInterface("metrics")
@NullMarked
package id.dukcapil.portal.shared.metrics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

/**
 * Indonesia's regions with their official codes: provinces, regencies/cities, districts and villages.
 */
@NamedInterface("region")
@NullMarked
package id.dukcapil.portal.shared.region;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

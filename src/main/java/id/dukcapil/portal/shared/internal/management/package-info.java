/**
 * The management port: health and the Prometheus scrape, on a port of their own that the public never reaches
 * (decision 178).
 */
@NullMarked
package id.dukcapil.portal.shared.internal.management;

import org.jspecify.annotations.NullMarked;

/** The rollup tables and the arithmetic on their durations. */
@NullMarked
package id.dukcapil.portal.reports.internal;

import org.jspecify.annotations.NullMarked;

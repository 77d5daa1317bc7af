/**
 * The step-clock tables: recorded steps, standard times with their dates, and the report query.
 */
@NullMarked
package id.dukcapil.portal.sla.internal;

import org.jspecify.annotations.NullMarked;

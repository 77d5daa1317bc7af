/**
 * Staff views (quota calendar, counter check-in) and the public, phone-first BDS web views for citizens.
 */
@NullMarked
package id.dukcapil.portal.booking.ui;

import org.jspecify.annotations.NullMarked;

/**
 * The booking tables over JDBC: the per-day counter rows, bookings, idempotency keys, citizen accounts, OTPs
 * and API tokens.
 */
@NullMarked
package id.dukcapil.portal.booking.internal;

import org.jspecify.annotations.NullMarked;

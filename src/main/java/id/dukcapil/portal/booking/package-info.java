/**
 * SOP A, the KTP-el print booking: the quota calendar that follows the blank-card stock, atomic bookings with
 * tickets, citizen accounts with OTP, the counter check-in and the daily summary.
 */
@ApplicationModule(allowedDependencies = {"audit", "blanko", "notification", "population", "reports", "shared :: *", "sla", "staff"})
@NullMarked
package id.dukcapil.portal.booking;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

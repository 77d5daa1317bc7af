package id.dukcapil.portal.booking;

import id.dukcapil.portal.population.EnrolmentStatus;
import org.jspecify.annotations.Nullable;

/**
 * A booking as the counter sees it after the scan: whose, where, and whether the register says the card can be
 * printed now.
 *
 * @param printRefusal the population register's reason the card cannot be printed now, if any (a translation key)
 */
public record CounterCase(Booking booking, String servicePointName, EnrolmentStatus enrolmentStatus,
                          @Nullable String printRefusal, @Nullable CannotPrintReason suggestedReason) {
}

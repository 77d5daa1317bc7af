package id.dukcapil.portal.booking;

import id.dukcapil.portal.population.CardPrintReason;
import id.dukcapil.portal.population.EnrolmentStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A booking as the counter sees it after the scan: whose, where, and whether the register says the card can be
 * printed now.
 *
 * @param printRefusal the population register's reason the card cannot be printed now, if any (a translation key)
 * @param firstCard    the register has no card printed for the person: this print is the first one; otherwise the
 *                     operator says why it is printed again
 */
public record CounterCase(Booking booking, String servicePointName, EnrolmentStatus enrolmentStatus,
                          @Nullable String printRefusal, @Nullable CannotPrintReason suggestedReason, boolean firstCard) {

    /** Why this card may be printed: the first card, or one of the reasons for another. */
    public List<CardPrintReason> printReasons() {
        return firstCard ? List.of(CardPrintReason.FIRST)
                : List.of(CardPrintReason.DAMAGED, CardPrintReason.LOST, CardPrintReason.DATA_CHANGED);
    }
}

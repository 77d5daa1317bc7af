package id.dukcapil.portal.booking;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One day of a point's quota calendar, as staff see it.
 *
 * @param quotaOverride the planner's quota, when it does not follow the stock
 * @param reserve       places only staff may book
 * @param closedReason  a translation key or the planner's words
 */
public record CalendarDay(String servicePoint, LocalDate day, int quota, @Nullable Integer quotaOverride, int reserve,
                          int booked, int arrived, int printed, boolean closed, @Nullable String closedReason) {

    /** Places a citizen can still book. */
    public int remainingForCitizens() {
        return closed ? 0 : Math.max(0, quota - reserve - booked);
    }

    /** Places a clerk can still book, the staff reserve included. */
    public int remainingForStaff() {
        return closed ? 0 : Math.max(0, quota - booked);
    }
}

package id.dukcapil.portal.booking;

import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.ServicePointKind;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * The days of the week a service point serves and its hours on them (decision 102). Holidays and local closures
 * close a served day; nothing opens a day the point does not serve.
 */
public record OpeningHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {

    public OpeningHours {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    /** Until staff set them: office hours on working days, and Saturdays too at a public-service mall. */
    public static OpeningHours defaultFor(ServicePointKind kind) {
        EnumSet<DayOfWeek> days = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        if (kind == ServicePointKind.MPP) {
            days.add(DayOfWeek.SATURDAY);
        }
        return new OpeningHours(days, LocalTime.of(8, 0), LocalTime.of(15, 0));
    }

    public boolean serves(DayOfWeek day) {
        return days.contains(day);
    }

    /** At least one day, and a service that ends after it begins. */
    void check() {
        if (days.isEmpty()) {
            throw new RuleViolation("booking.hours.no-day");
        }
        if (!closes.isAfter(opens)) {
            throw new RuleViolation("booking.hours.order");
        }
    }
}

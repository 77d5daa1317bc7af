package id.dukcapil.portal.booking.ui;

import id.dukcapil.portal.booking.PointSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The planner's forms as the quota calendar binds them: a day's quota, a national holiday, a point's capacity and
 * staff reserve. Each message a bundle key the service's refusal uses too; the limits are the calendar's, so the
 * screen refuses what the service would, and the service checks it all again.
 */
public final class CalendarForms {

    /** As long as {@code QuotaCalendarService.addHoliday} takes a holiday's name. */
    static final int HOLIDAY_NAME_MAX_LENGTH = 100;

    private CalendarForms() {
    }

    /** A day's quota, set by the planner over what the stock allows. */
    public record DayQuota(@NotNull(message = "{booking.calendar.quota-range}")
                           @Min(value = 0, message = "{booking.calendar.quota-range}")
                           @Max(value = PointSettings.CAPACITY_MAX, message = "{booking.calendar.quota-range}")
                           @Nullable Integer quota) {
    }

    /** A national holiday: the day, and its name (kept as the closed days' reason). */
    public record Holiday(@NotNull(message = "{booking.calendar.choose-day}") @Nullable LocalDate day,
                          @NotBlank(message = "{booking.calendar.reason-required}")
                          @Size(max = HOLIDAY_NAME_MAX_LENGTH, message = "{booking.calendar.reason-required}")
                          String name) {
    }

    /** A point's printing capacity per day and the part of it kept for staff. */
    public record Settings(@NotNull(message = "{booking.calendar.settings-range}")
                           @Min(value = 0, message = "{booking.calendar.settings-range}")
                           @Max(value = PointSettings.CAPACITY_MAX, message = "{booking.calendar.settings-range}")
                           @Nullable Integer capacity,
                           @NotNull(message = "{booking.calendar.settings-range}")
                           @Min(value = 0, message = "{booking.calendar.settings-range}")
                           @Max(value = PointSettings.CAPACITY_MAX, message = "{booking.calendar.settings-range}")
                           @Nullable Integer reserve) {

        PointSettings settings() {
            return new PointSettings(capacity == null ? 0 : capacity, reserve == null ? 0 : reserve);
        }
    }

    /** A point's days of service and its hours, the same on each of them. */
    public record Hours(@NotEmpty(message = "{booking.hours.no-day}") Set<DayOfWeek> days,
                        @NotNull(message = "{booking.hours.order}") @Nullable LocalTime opens,
                        @NotNull(message = "{booking.hours.order}") @Nullable LocalTime closes) {
    }
}

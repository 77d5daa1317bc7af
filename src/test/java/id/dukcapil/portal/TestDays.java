package id.dukcapil.portal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * Days for tests, counted from the test clock's today in office time, so that no test is pinned to a year and none
 * turns into a test of the past as the calendar moves on.
 */
public final class TestDays {

    public static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");

    private TestDays() {
    }

    /** Today in the office, by the portal's clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), OFFICE);
    }

    /** The coming Monday, after today: a working day within the week ahead. */
    public static LocalDate nextMonday(Clock clock) {
        return today(clock).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    /**
     * A month of its own, {@code years} after today's year: each class that needs one picks its own years and month,
     * so no other test's cases fall in its figures. Taken: a year ahead, March to June (StepClockTests), June
     * (StepReportTests) and August (SlaViewTests); nine years ahead, October (DailySummariesTests).
     */
    public static YearMonth monthOfItsOwn(Clock clock, int years, Month month) {
        return YearMonth.of(today(clock).getYear() + years, month);
    }

    /** The first Monday of that month. */
    public static LocalDate firstMonday(YearMonth month) {
        return month.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
    }

    /** That day at that time of day ({@code "08:25:30"}) in the office. */
    public static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(OFFICE).toInstant();
    }
}

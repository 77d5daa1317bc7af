package id.dukcapil.portal.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import id.dukcapil.portal.booking.OpeningHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A point's hours and a holiday's day are stored as the planner typed them, whatever zone the server's JVM runs in:
 * the portal stores instants in UTC ({@code hibernate.jdbc.time_zone}), and a time of day or a date is no instant.
 * An office's server in Bandung runs in Asia/Jakarta; the suite's JVM in UTC would not see a shift.
 */
@PortalTest
class PointCalendarStorageTests {

    @Autowired OpeningHoursRepository hours;
    @Autowired HolidayRepository holidays;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired TransactionTemplate transactions;

    @Test
    void hours_and_a_holiday_saved_on_a_server_in_jakarta_read_as_typed_in_the_database_and_back() {
        String point = "TZ-" + Long.toString(System.nanoTime(), 36).substring(0, 6);
        // Independence Day some years ahead: a holiday no booking test's day falls on.
        LocalDate day = TestDays.today(clock).plusYears(5).withMonth(8).withDayOfMonth(17);
        OpeningHours typed = new OpeningHours(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), LocalTime.of(8, 0),
                LocalTime.of(15, 30));
        TimeZone zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Jakarta"));
        try {
            transactions.executeWithoutResult(status -> {
                hours.save(new OpeningHoursEntity(point, typed));
                holidays.save(new HolidayEntity(day, "Hari Kemerdekaan"));
            });

            assertThat(jdbc.queryForObject("SELECT CAST(day AS CHAR) FROM booking_holiday WHERE name = ? AND day = ?",
                    String.class, "Hari Kemerdekaan", day.toString())).isEqualTo(day.toString());
            assertThat(jdbc.queryForObject("SELECT CONCAT(days, ' ', opens, '-', closes) FROM booking_opening_hours "
                    + "WHERE service_point = ?", String.class, point)).isEqualTo("1,6 08:00:00-15:30:00");
            assertThat(hours.findById(point).orElseThrow().toRecord()).isEqualTo(typed);
            assertThat(holidays.findById(day)).isPresent();
        } finally {
            TimeZone.setDefault(zone);
            jdbc.update("DELETE FROM booking_opening_hours WHERE service_point = ?", point);
            jdbc.update("DELETE FROM booking_holiday WHERE day = ?", day.toString());
        }
    }
}

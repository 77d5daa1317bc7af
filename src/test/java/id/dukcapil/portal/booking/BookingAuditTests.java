package id.dukcapil.portal.booking;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A citizen's booking leaves its trail in the audit log: who booked, cancelled and checked in, and when (issue 13). */
@PortalTest
class BookingAuditTests {

    private static final String POINT = "DINAS";

    @Autowired BookingService bookings;
    @Autowired CounterService counter;
    @Autowired BookingTestSupport support;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_booking_made_and_cancelled_by_a_citizen_is_audited_under_the_citizen_with_the_masked_nik() {
        LocalDate day = support.workingDay(19);
        support.quota(POINT, day, 20);
        CitizenSession citizen = support.citizen();
        String nik = support.printReadyNiks(1).getFirst();
        Booking booking = bookings.book(citizen, support.request(nik, POINT, day), null, BookingJourney.none(),
                support.newClientAddress()).booking();

        bookings.cancel(citizen, booking.code(), support.newClientAddress());

        List<Map<String, Object>> trail = trail(booking.code());
        assertThat(trail).extracting(entry -> entry.get("action")).containsExactly("booking.made", "booking.cancelled");
        assertThat(trail).extracting(entry -> entry.get("actor_type")).containsOnly("CITIZEN");
        assertThat(trail).extracting(entry -> entry.get("actor_id")).containsOnly(citizen.owner());
        assertThat((String) trail.getFirst().get("detail")).contains("point=" + POINT, "day=" + day,
                "nik=" + booking.maskedNik()).doesNotContain(nik);
    }

    @Test
    void a_check_in_at_the_counter_is_audited_under_the_operator() {
        LocalDate day = support.workingDay(20);
        support.quota(POINT, day, 20);
        Booking booking = bookings.book(support.citizen(), support.request(support.printReadyNiks(1).getFirst(), POINT,
                day), null, BookingJourney.none(), support.newClientAddress()).booking();
        clock.setInstant(day.atTime(9, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant());

        SignedInAs.run(users, "operator", () -> counter.scan(booking.code()));

        Map<String, Object> last = trail(booking.code()).getLast();
        assertThat(last.get("action")).isEqualTo("booking.checked-in");
        assertThat(last.get("actor_type")).isEqualTo("STAFF");
        assertThat(last.get("actor_id")).isEqualTo("operator");
    }

    private List<Map<String, Object>> trail(String code) {
        return jdbc.queryForList("""
                SELECT action, actor_type, actor_id, detail FROM audit_entry WHERE subject_type = 'Booking'
                AND subject_id = ? ORDER BY seq""", code);
    }
}

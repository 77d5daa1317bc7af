package id.dukcapil.portal.booking;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.audit.internal.PersonalDataViewBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The booking services record who saw whose data where the data leaves them, whatever screen asked (issue 50):
 * the clerk's booking for a resident, the counter's scan and the ticket printed for a resident.
 */
@PortalTest
class BookingPersonalDataTests {

    private static final String POINT = "DINAS";

    @Autowired BookingService bookings;
    @Autowired CounterService counter;
    @Autowired TicketDocuments tickets;
    @Autowired BookingTestSupport support;
    @Autowired UserDetailsService users;
    @Autowired PersonalDataViewBuffer buffer;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_booking_for_a_resident_its_scan_at_the_counter_and_its_ticket_are_each_recorded_under_the_clerk() {
        LocalDate day = support.workingDay(31);
        support.room(POINT, day, 2);
        String nik = support.printReadyNiks(1).getFirst();
        clock.setInstant(day.atTime(8, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant());

        Booking booking = SignedInAs.call(users, "operator", () -> bookings.bookForResident(
                new BookingRequest(nik, POINT, day), new UrgentReason(UrgentNeed.HEALTH, "")));
        buffer.flush();
        assertThat(accesses(nik, "VIEW", "booking-for-resident")).isEqualTo(1);
        assertThat(accesses(nik, "DOWNLOAD", "booking-for-resident/tiket-pdf")).isZero();

        SignedInAs.run(users, "operator", () -> tickets.pdfForStaff(booking, Locale.of("id")));
        assertThat(accesses(nik, "DOWNLOAD", "booking-for-resident/tiket-pdf")).as("written before the file goes")
                .isEqualTo(1);

        assertThat(accesses(nik, "VIEW", "counter")).isZero();
        SignedInAs.run(users, "operator", () -> counter.scan(booking.code()));
        buffer.flush();
        assertThat(accesses(nik, "VIEW", "counter")).isEqualTo(1);
    }

    @Test
    void the_citizens_own_ticket_is_not_recorded() {
        LocalDate day = support.workingDay(22);
        support.room(POINT, day, 2);
        // A resident no screen of another test has shown: the suite's classes share one register and one log.
        String nik = jdbc.queryForObject("""
                SELECT r.nik FROM population_resident r WHERE r.enrolment_status = 'PRINT_READY'
                AND NOT EXISTS (SELECT 1 FROM booking_booking b WHERE b.nik = r.nik)
                AND NOT EXISTS (SELECT 1 FROM audit_personal_data_view v WHERE v.subject = r.nik)
                ORDER BY r.id LIMIT 1""", String.class);
        Booking booking = bookings.book(support.citizen(), support.request(nik, POINT, day), null,
                BookingJourney.none(), support.newClientAddress()).booking();

        tickets.pdf(booking, Locale.of("id"));
        buffer.flush();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_personal_data_view WHERE subject = ?", Long.class,
                nik)).isZero();
    }

    private long accesses(String nik, String kind, String screen) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_personal_data_view WHERE subject = ? AND kind = ? "
                + "AND screen = ? AND staff_id = 'operator' AND viewed_at = ?", Long.class, nik, kind, screen,
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }
}

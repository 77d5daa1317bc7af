package id.dukcapil.portal.booking;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SOP A's reminder the day before (issue 38, item 2; decision 142): where and when, and where to move or cancel;
 * one per booking and day, even when two nodes run the job at once or a run stops between the message and its mark.
 */
@PortalTest
class BookingReminderTests {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static String point;

    @Autowired BookingService bookings;
    @Autowired BookingTestSupport support;
    @Autowired BookingJobs jobs;
    @Autowired ServicePoints servicePoints;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    /** A point of its own: no other class's bookings on its days. */
    @BeforeAll
    static void a_point_of_its_own(@Autowired StaffAccounts staff) {
        point = staff.servicePoint();
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void the_day_before_a_booking_is_reminded_once_with_the_place_its_hours_and_the_link_to_move_or_cancel()
            throws Exception {
        LocalDate day = support.workingDay(12);
        support.quota(point, day, 5);
        CitizenSession citizen = support.citizen();
        Booking booking = bookings.book(citizen, support.request(support.printReadyNiks(1).getFirst(), point, day),
                null, BookingJourney.none(), support.newClientAddress()).booking();
        clock.setInstant(day.minusDays(1).atTime(8, 0).atZone(OFFICE).toInstant());

        // Two nodes' schedules fire together (their ShedLock rows apart, as if the lock were lost).
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        try {
            for (int node = 0; node < 2; node++) {
                runs.add(nodes.submit(() -> {
                    together.await();
                    return jobs.remind(LocalDate.now(clock).plusDays(1));
                }));
            }
            for (Future<Integer> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }
        List<Map<String, Object>> reminders = reminders(citizen.email());
        assertThat(reminders).as("one reminder, whichever node queued it").hasSize(1);
        ServicePoint where = servicePoints.byCode(point).orElseThrow();
        String body = (String) reminders.getFirst().get("body");
        assertThat(reminders.getFirst().get("subject")).isEqualTo("Pengingat: besok cetak KTP-el (" + booking.code() + ")");
        assertThat(body).contains(where.name(), where.address()).contains("jam layanan ")
                .contains("Pindahkan atau batalkan booking di Riwayat: ").contains("/bds/riwayat");
        assertThat(reminders.getFirst().get("kind")).isEqualTo("REMINDER");

        // A run stopped after the message was queued and before the booking was marked: the next run adds none.
        jdbc.update("UPDATE booking_booking SET reminded_at = NULL WHERE id = ?", booking.id());
        jobs.remind(day);
        assertThat(reminders(citizen.email())).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT reminded_at IS NOT NULL FROM booking_booking WHERE id = ?",
                Boolean.class, booking.id())).as("marked after all").isTrue();
    }

    @Test
    void a_booking_made_on_the_day_before_is_not_reminded_its_ticket_is_a_few_hours_old() {
        LocalDate day = support.workingDay(13);
        support.quota(point, day, 5);
        CitizenSession citizen = support.citizen();
        clock.setInstant(day.minusDays(1).atTime(9, 30).atZone(OFFICE).toInstant());
        bookings.book(citizen, support.request(support.printReadyNiks(1).getFirst(), point, day), null,
                BookingJourney.none(), support.newClientAddress());
        clock.setInstant(day.minusDays(1).atTime(10, 0).atZone(OFFICE).toInstant());
        jobs.remind(LocalDate.now(clock).plusDays(1));
        assertThat(reminders(citizen.email())).isEmpty();
    }

    private List<Map<String, Object>> reminders(String email) {
        return jdbc.queryForList("SELECT subject, body, kind FROM notification_message "
                + "WHERE template_key = 'booking-reminder' AND recipient = ?", email);
    }
}

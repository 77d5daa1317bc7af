package id.dukcapil.portal.booking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.booking.Booking;
import id.dukcapil.portal.booking.BookingJourney;
import id.dukcapil.portal.booking.BookingRequest;
import id.dukcapil.portal.booking.BookingService;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.booking.CitizenSession;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Pindah jadwal" under Riwayat: the booking's day moved on the same calendar, or refused with why; and a booking
 * cancelled for the citizen (by the citizen, or by a newer population extract) says who cancelled it.
 */
class BdsRescheduleViewTest extends PortalViewTest {

    @Autowired BookingService bookings;
    @Autowired BookingTestSupport support;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired org.springframework.context.ApplicationEventPublisher events;
    @Autowired StaffAccounts staff;
    String point;
    LocalDate day;
    LocalDate later;
    LocalDate full;
    Booking booking;
    BdsHistoryView history;

    /** At a point of its own: the days this test moves to, fills or frees are no other test's. */
    @BeforeEach
    void a_citizen_has_a_booking_and_is_signed_in() {
        point = staff.servicePoint();
        day = support.workingDay(7);
        later = support.workingDayAfter(day);
        full = support.workingDayAfter(later);
        support.quota(point, day, 5);
        support.quota(point, later, 5);
        support.quota(point, full, 0);
        CitizenSession citizen = support.citizen();
        booking = bookings.book(citizen, support.request(support.printReadyNiks(1).getFirst(), point, day), null,
                BookingJourney.none(), support.newClientAddress()).booking();
        BdsPage.signIn(citizen);
        history = navigate(BdsHistoryView.class);
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_citizen_moves_a_booking_to_a_free_day_and_riwayat_shows_the_new_day_and_queue_number() {
        test(find(Button.class).id("reschedule-" + booking.code())).click();
        Button own = find(Button.class).id("day-" + day);
        assertThat(own.getAriaLabel()).get().asString().endsWith(": jadwal Anda");
        assertThat(own.isEnabled()).isFalse();
        assertThat(find(Button.class).id("day-" + full).isEnabled()).as("a full day cannot be picked").isFalse();
        Button free = find(Button.class).id("day-" + later);
        assertThat(free.getAriaLabel()).get().asString().endsWith(": 5 tersisa");

        test(free).click();
        test(history.moveConfirm).click();

        String newDay = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", history.getUI().orElseThrow().getLocale()).format(later);
        assertThat(lastNotification()).contains(booking.code(), "dipindah", newDay);
        assertThat(history.tickets.getElement().getTextRecursively()).contains("Antrian 1 · " + newDay);
        assertThat(history.move.isAttached()).isFalse();
        assertThat(jdbc.queryForObject("SELECT day FROM booking_booking WHERE code = ?", LocalDate.class, booking.code()))
                .isEqualTo(later);
        // The ticket mail of a moved booking says so, with its own subject (it said "made" before).
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM notification_message WHERE template_key = 'booking-ticket-moved' AND subject LIKE ?",
                Integer.class, "%" + booking.code() + "%") == 1);
    }

    @Test
    void cancelling_asks_first_says_what_it_does_and_confirms_it_is_done() {
        test(find(Button.class).id("cancel-" + booking.code())).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(confirm.getElement().getProperty("message")).contains(booking.code(), "diberikan kepada warga lain");
        assertThat(jdbc.queryForObject("SELECT status FROM booking_booking WHERE code = ?", String.class, booking.code()))
                .as("nothing happens before the citizen confirms").isEqualTo("BOOKED");

        assertThat(confirm.getElement().getProperty("confirmText")).as("the focused button keeps the booking")
                .isEqualTo("Jangan batalkan");
        test(confirm).reject();

        assertThat(lastNotification()).isEqualTo("Booking " + booking.code() + " dibatalkan.");
        assertThat(jdbc.queryForObject("SELECT status FROM booking_booking WHERE code = ?", String.class, booking.code()))
                .isEqualTo("CANCELLED");
        assertThat(history.tickets.getElement().getTextRecursively()).contains("Dibatalkan: atas permintaan Anda")
                .contains("Tempat: ").doesNotContain(point);
    }

    @Test
    void a_day_filled_meanwhile_is_refused_and_the_calendar_shows_it_full() {
        test(find(Button.class).id("reschedule-" + booking.code())).click();
        test(find(Button.class).id("day-" + later)).click();
        support.quota(point, later, 0);

        test(history.moveConfirm).click();

        assertThat(lastNotification()).contains("sudah penuh");
        assertThat(find(Button.class).id("day-" + later).isEnabled()).isFalse();
        assertThat(jdbc.queryForObject("SELECT day FROM booking_booking WHERE code = ?", LocalDate.class, booking.code()))
                .isEqualTo(day);
    }

    @Test
    void on_the_booked_day_it_is_too_late_to_move() {
        test(find(Button.class).id("reschedule-" + booking.code())).click();
        test(find(Button.class).id("day-" + later)).click();
        clock.setInstant(day.atTime(7, 30).atZone(ZoneId.of("Asia/Jakarta")).toInstant());

        test(history.moveConfirm).click();

        assertThat(lastNotification()).contains("paling lambat sehari sebelumnya");
        history = navigate(BdsHistoryView.class);
        assertThat(find(Button.class).withId("reschedule-" + booking.code()).exists()).isFalse();
    }

    @Test
    void a_booking_a_newer_extract_cancelled_says_so_in_neutral_words_and_can_no_longer_be_moved() {
        jdbc.update("UPDATE population_resident SET gone_on = ?, gone_reason = 'DIED' WHERE nik = ?", day, booking.nik());
        try {
            // What an import announces after the chunk that marked the resident gone is committed.
            transactions.executeWithoutResult(status -> events.publishEvent(new id.dukcapil.portal.population
                    .PopulationChanged(0, java.util.List.of(id.dukcapil.portal.shared.Nik.of(booking.nik())),
                    java.util.List.of())));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT status FROM booking_booking WHERE code = ?", String.class, booking.code()), "CANCELLED"::equals);

            history = navigate(BdsHistoryView.class);

            assertThat(history.tickets.getElement().getTextRecursively())
                    .contains("Dibatalkan: data kependudukan terbaru tidak lagi memungkinkan layanan ini")
                    .as("the account may be a relative's: no word of death or moving").doesNotContain("meninggal", "pindah");
            assertThat(find(Button.class).withId("reschedule-" + booking.code()).exists()).isFalse();
            assertThat(find(Button.class).withId("cancel-" + booking.code()).exists()).isFalse();
        } finally {
            jdbc.update("UPDATE population_resident SET gone_on = NULL, gone_reason = NULL WHERE nik = ?", booking.nik());
        }
    }
}

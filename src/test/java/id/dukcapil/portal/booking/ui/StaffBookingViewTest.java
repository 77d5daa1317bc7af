package id.dukcapil.portal.booking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.internal.ShortcutsKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.audit.internal.PersonalDataViewBuffer;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.booking.BookingJourney;
import id.dukcapil.portal.booking.BookingRequest;
import id.dukcapil.portal.booking.BookingService;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.booking.PointCalendarSettings;
import id.dukcapil.portal.booking.PointSettings;
import id.dukcapil.portal.booking.QuotaCalendarService;
import id.dukcapil.portal.booking.UrgentNeed;
import id.dukcapil.portal.staff.ServicePoints;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/** A clerk books today for a resident with an urgent need, from the staff reserve citizens cannot book. */
@WithUserDetails("operator")
class StaffBookingViewTest extends PortalViewTest {

    @Autowired BookingService bookings;
    @Autowired QuotaCalendarService calendar;
    @Autowired PointCalendarSettings pointSettings;
    @Autowired BookingTestSupport support;
    @Autowired ServicePoints servicePoints;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired PersonalDataViewBuffer buffer;
    @Autowired StaffAccounts staff;
    String point;
    LocalDate today;
    List<String> niks;

    /** At a point of its own: the setup fills the citizens' places of its day, and the test the reserve. */
    @BeforeEach
    void citizens_took_every_place_of_the_day_but_the_staff_reserve() {
        point = staff.servicePoint();
        LocalDate day = support.workingDay(4);
        SignedInAs.run(users, "perencana", () -> {
            pointSettings.changeSettings(point, new PointSettings(40, 1));
            calendar.overrideQuota(point, day, 2);
            calendar.overrideQuota(point, support.workingDayAfter(day), 0);
        });
        niks = support.printReadyNiks(3);
        bookings.book(support.citizen(), support.request(niks.get(0), point, day), null, BookingJourney.none(), support.newClientAddress());
        clock.setInstant(day.atTime(8, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant());
        today = day;
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_clerk_books_today_from_the_reserve_for_a_health_need_and_gets_the_ticket_to_print() {
        StaffBookingView view = navigate(StaffBookingView.class);
        assertThat(view.point.getValue().code()).as("the clerk's own point first").isEqualTo("DINAS");
        view.point.setValue(servicePoints.byCode(point).orElseThrow());
        Button todayCell = find(Button.class).id("day-" + today);
        assertThat(todayCell.getAriaLabel()).get().asString().endsWith(": 1 tersisa");
        assertThat(find(Button.class).id("day-" + support.workingDayAfter(today)).isEnabled()).isFalse();

        test(todayCell).click();
        test(view.nik).setValue(niks.get(1));
        test(view.need).selectItem("Kesehatan");
        test(view.note).setValue("Operasi jantung di RSHS");
        // Enter in the note books (the shortcut listens on the form's fields, not on the day cells).
        ShortcutsKt._fireShortcut(view.note, Key.ENTER);

        String code = jdbc.queryForObject("SELECT code FROM booking_booking WHERE nik = ? AND from_reserve AND queue_number = 2",
                String.class, niks.get(1));
        assertThat(view.ticket.getElement().getTextRecursively()).contains(code, "Antrian 2");
        assertThat(find(Image.class, view.ticket).all().getFirst().getAlt()).contains(code);
        Anchor print = find(Anchor.class).id("print-" + code);
        assertThat(print.getText()).isEqualTo("Cetak tiket");
        assertThat(print.getHref()).as("named in its address: saved from the PDF viewer as itself, not download.pdf")
                .endsWith("/tiket-" + code + ".pdf");
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_entry WHERE action = 'booking.made' AND subject_id = ?",
                String.class, code)).contains("reserve", "need=HEALTH", "note=Operasi jantung di RSHS");
        assertThat(find(Button.class).id("day-" + today).isEnabled()).as("the reserve is used up").isFalse();
        assertThat(view.nik.getValue()).isEmpty();
        // Ready for the next resident: the emptied fields not red, the ticket scrolled into view (issue 36, item 6).
        assertThat(view.need.isInvalid()).isFalse();
        assertThat(view.nik.isInvalid()).isFalse();
        com.vaadin.browserless.internal.MockVaadin.clientRoundtrip();
        assertThat(com.vaadin.flow.component.UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations())
                .extracting(call -> call.getInvocation().getExpression())
                .anySatisfy(expression -> assertThat(expression).contains("scrollIntoView"));

        // The resident on the clerk's screen, and their ticket printed: both kept (decision 129).
        buffer.flush();
        assertThat(accesses(niks.get(1), "VIEW", "booking-for-resident")).isEqualTo(1);
        test(print).download(new java.io.ByteArrayOutputStream());
        assertThat(accesses(niks.get(1), "DOWNLOAD", "booking-for-resident/tiket-pdf")).isEqualTo(1);
    }

    private long accesses(String nik, String kind, String screen) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_personal_data_view WHERE subject = ? AND kind = ? "
                + "AND screen = ? AND staff_id = 'operator' AND viewed_at = ?", Long.class, nik, kind, screen,
                java.time.LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
    }

    @Test
    void a_booking_without_its_urgent_need_or_with_other_and_no_note_is_refused() {
        StaffBookingView view = navigate(StaffBookingView.class);
        view.point.setValue(servicePoints.byCode(point).orElseThrow());
        test(find(Button.class).id("day-" + today)).click();
        test(view.nik).setValue(niks.get(2));

        // Told at the field it is about (Enter in the form books: the clerk is typing there), not over it.
        test(view.book).click();
        assertThat(view.need.isInvalid()).isTrue();
        assertThat(view.need.getErrorMessage()).isEqualTo("Pilih keperluan mendesak warga.");

        test(view.need).selectItem(view.getTranslation(UrgentNeed.OTHER.labelKey()));
        test(view.book).click();
        assertThat(view.need.isInvalid()).isFalse();
        assertThat(view.note.isInvalid()).isTrue();
        assertThat(view.note.getErrorMessage()).isEqualTo("Tuliskan keterangan keperluannya.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM booking_booking WHERE nik = ?", Integer.class, niks.get(2)))
                .isZero();
    }

    @Test
    void a_nik_not_of_sixteen_digits_is_told_at_its_field_and_a_refused_one_keeps_the_need_and_note_typed() {
        StaffBookingView view = navigate(StaffBookingView.class);
        view.point.setValue(servicePoints.byCode(point).orElseThrow());
        test(find(Button.class).id("day-" + today)).click();
        assertThat(view.nik.getMaxLength()).as("bounded where it is typed").isEqualTo(16);
        assertThat(view.note.getMaxLength()).isEqualTo(200);

        test(view.nik).setValue("3204");
        test(view.need).selectItem("Kesehatan");
        test(view.note).setValue("Kontrol jantung di RSHS");
        test(view.book).click();
        assertThat(view.nik.isInvalid()).isTrue();
        assertThat(view.nik.getErrorMessage()).isEqualTo("NIK tidak valid.");
        assertThat(view.need.isInvalid()).isFalse();

        String unknown = "3204019912990001"; // sixteen digits, no resident's: only the service can tell
        test(view.nik).setValue(unknown);
        test(view.book).click();
        assertThat(view.nik.isInvalid()).as("the service's refusal at the NIK").isTrue();
        assertThat(view.nik.getErrorMessage()).isNotBlank();
        assertThat(view.nik.getValue()).as("nothing typed is lost").isEqualTo(unknown);
        assertThat(view.need.getValue()).isEqualTo(UrgentNeed.HEALTH);
        assertThat(view.note.getValue()).isEqualTo("Kontrol jantung di RSHS");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM booking_booking WHERE nik = ?", Integer.class, unknown))
                .isZero();
    }
}

package id.dukcapil.portal.booking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.staff.ServicePoints;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The BDS web without a browser: register, OTP, pick a free day, book, see the ticket under Riwayat. */
class BdsCitizenFlowTest extends PortalViewTest {

    private static String point;

    @Autowired BookingTestSupport support;
    @Autowired ServicePoints servicePoints;
    @Autowired JdbcTemplate jdbc;

    /** A point of its own: no other class's bookings on its days. */
    @BeforeAll
    static void a_point_of_its_own(@Autowired StaffAccounts staff) {
        point = staff.servicePoint();
    }

    @Test
    void a_citizen_registers_verifies_books_a_free_day_and_finds_the_ticket_under_riwayat() {
        LocalDate day = support.workingDay(6);
        LocalDate full = support.workingDayAfter(day);
        support.quota(point, day, 4);
        support.quota(point, full, 0);
        String email = support.newEmail();
        String nik = support.printReadyNiks(1).getFirst();

        BdsRegisterView register = navigate(BdsRegisterView.class);
        test(register.fullName).setValue("Ujang Sutisna");
        test(register.email).setValue(email);
        test(register.phone).setValue("0813 2222 1111");
        test(register.password).setValue(BookingTestSupport.PASSWORD);
        test(register.register).click();

        BdsOtpView otp = (BdsOtpView) getCurrentView();
        test(otp.code).setValue("12");
        test(otp.verify).click();
        assertThat(otp.code.isInvalid()).as("a malformed code is refused at the field").isTrue();
        assertThat(otp.code.getErrorMessage()).isEqualTo("Kode OTP terdiri dari 6 angka. Periksa kembali kode dari e-mail Anda.");
        test(otp.code).setValue(support.lastCodeTo(email));
        assertThat(otp.code.isInvalid()).as("typing again clears the mark").isFalse();
        test(otp.verify).click();
        BdsHomeView home = (BdsHomeView) getCurrentView();
        assertThat(home.book.isAttached()).isTrue();

        test(home.book).click();
        BdsBookingView booking = (BdsBookingView) getCurrentView();
        booking.point.setValue(servicePoints.byCode(point).orElseThrow());
        Button free = find(Button.class).id("day-" + day);
        Button noPlace = find(Button.class).id("day-" + full);
        assertThat(free.getElement().getTextRecursively()).as("the places under the day's number").isEqualTo(day.getDayOfMonth() + "4");
        assertThat(free.getAriaLabel()).get().asString().endsWith(": 4 tersisa");
        assertThat(noPlace.isEnabled()).isFalse();
        test(free).click();
        // The form bound (issue 55 item 4): a number short of sixteen digits is said at its field, nothing is asked.
        test(booking.nik).setValue(nik.substring(0, 10));
        test(booking.book).click();
        assertThat(booking.nik.isInvalid()).isTrue();
        assertThat(booking.nik.getErrorMessage()).isEqualTo("NIK tidak valid.");
        assertThat(booking.kkNumber.getErrorMessage()).isEqualTo("Nomor KK tidak valid.");
        assertThat(getCurrentView()).as("nothing booked").isSameAs(booking);
        test(booking.nik).setValue(nik);
        String otherFamily = jdbc.queryForObject("SELECT kk_number FROM population_family WHERE kk_number <> ? "
                + "ORDER BY id LIMIT 1", String.class, support.kkOf(nik));
        test(booking.kkNumber).setValue(otherFamily);
        test(booking.book).click();
        assertThat(booking.kkNumber.isInvalid()).as("the refusal shows at the KK number").isTrue();
        assertThat(booking.kkNumber.getErrorMessage()).isNotBlank();
        assertThat(booking.calendar.value()).as("the chosen day is kept").contains(day);
        assertThat(booking.nik.getValue()).isEqualTo(nik);
        test(booking.kkNumber).setValue(support.kkOf(nik));
        test(booking.book).click();

        BdsHistoryView history = (BdsHistoryView) getCurrentView();
        String code = jdbc.queryForObject("SELECT code FROM booking_booking WHERE nik = ?", String.class, nik);
        assertThat(history.tickets.getElement().getTextRecursively()).contains(code, "Antrian 1", "Terdaftar");
        assertThat(find(com.vaadin.flow.component.html.Anchor.class).id("download-" + code).getHref())
                .endsWith("/tiket-" + code + ".pdf"); // its name, not download.pdf
        assertThat(jdbc.queryForList("SELECT step FROM sla_step WHERE case_id = ?", String.class, code))
                .as("the SOP A steps the web saw, timed under the booking code: home, service, date; the ticket's "
                        + "once a browser has drawn it (CitizenJourneyBrowserTest)")
                .contains("A5_HOME", "A6_CHOOSE_SERVICE", "A7_PICK_DATE")
                .doesNotContain("A3_REGISTER", "A4_ENTER_OTP", "A8_TICKET");
        Long citizen = jdbc.queryForObject("SELECT citizen_id FROM booking_booking WHERE code = ?", Long.class, code);
        assertThat(jdbc.queryForList("SELECT step FROM sla_step WHERE case_id = ? ORDER BY started_at", String.class,
                "AKUN-" + citizen)).as("the registration and its code, the account's own (issue 54)")
                .containsExactly("A3_REGISTER", "A4_ENTER_OTP");
    }

    @Test
    void booking_without_signing_in_leads_to_the_citizen_sign_in_not_the_staff_one() {
        navigate("bds/booking", BdsSignInView.class);
        assertThat(getCurrentView()).isInstanceOf(BdsSignInView.class);
    }
}

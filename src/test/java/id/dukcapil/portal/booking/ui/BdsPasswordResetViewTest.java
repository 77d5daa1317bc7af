package id.dukcapil.portal.booking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.booking.CitizenAccounts;
import id.dukcapil.portal.booking.CitizenSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "Lupa kata sandi?" on the BDS web: the code by e-mail, the new password's rules, refusals, signed in after. */
class BdsPasswordResetViewTest extends PortalViewTest {

    private static final String NEW_PASSWORD = "Sandi-Baru-Bedas-7";

    @Autowired BookingTestSupport support;
    @Autowired CitizenAccounts accounts;
    @Autowired TestClock clock;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_citizen_who_forgot_the_password_sets_a_new_one_with_the_emailed_code_and_is_signed_in() {
        clock.setInstant(clock.instant());
        CitizenSession citizen = support.citizen();
        BdsSignInView signIn = navigate(BdsSignInView.class);
        test(signIn.forgotPassword).click();
        BdsPasswordResetView reset = (BdsPasswordResetView) getCurrentView();

        test(reset.email).setValue(citizen.email());
        test(reset.send).click();
        assertThat(reset.sentTo.getText()).contains(citizen.email(), "10 menit");
        String code = support.lastCodeTo(citizen.email());

        test(reset.code).setValue(code);
        test(reset.newPassword).setValue("pendek1");
        test(reset.save).click();
        assertThat(reset.newPassword.isInvalid()).as("the weak password told at its field").isTrue();
        assertThat(reset.newPassword.getErrorMessage()).as("every broken rule at once")
                .contains("minimal 10 karakter", "huruf besar dan huruf kecil");

        test(reset.code).setValue(code.equals("000000") ? "111111" : "000000");
        test(reset.newPassword).setValue(NEW_PASSWORD);
        test(reset.save).click();
        assertThat(reset.newPassword.isInvalid()).isFalse();
        assertThat(reset.code.isInvalid()).as("the wrong code told at its field").isTrue();
        assertThat(reset.code.getErrorMessage()).contains("Kode OTP salah, kedaluwarsa");

        test(reset.resend).click();
        assertThat(lastNotification()).contains("Kode baru dapat diminta lagi setelah 60 detik");
        int mails = support.mailsTo(citizen.email());
        clock.advance(CitizenAccounts.OTP_RESEND_INTERVAL);
        test(reset.resend).click();
        assertThat(support.mailsTo(citizen.email())).isEqualTo(mails + 1);

        test(reset.code).setValue(support.lastCodeTo(citizen.email()));
        test(reset.save).click();

        assertThat(getCurrentView()).isInstanceOf(BdsHomeView.class);
        assertThat(lastNotification()).contains("Kata sandi baru disimpan");
        assertThat(BdsPage.citizen()).map(CitizenSession::citizenId).contains(citizen.citizenId());
        assertThat(accounts.signIn(citizen.email(), NEW_PASSWORD, support.newClientAddress()).citizenId()).isEqualTo(citizen.citizenId());
    }

    @Test
    void an_unknown_address_gets_the_same_answer_and_no_mail() {
        String unknown = support.newEmail();
        BdsPasswordResetView reset = navigate(BdsPasswordResetView.class);
        test(reset.email).setValue(unknown);
        test(reset.send).click();

        assertThat(reset.sentTo.getText()).isEqualTo("Jika " + unknown
                + " terdaftar, kode 6 angka telah dikirim ke alamat itu. Kode berlaku 10 menit.");
        assertThat(support.mailsTo(unknown)).isZero();
        test(reset.code).setValue("123456");
        test(reset.newPassword).setValue(NEW_PASSWORD);
        test(reset.save).click();
        assertThat(reset.code.getErrorMessage()).contains("Kode OTP salah, kedaluwarsa");
        assertThat(getCurrentView()).isInstanceOf(BdsPasswordResetView.class);
    }
}

package id.dukcapil.portal.booking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.booking.CitizenAccounts;
import id.dukcapil.portal.booking.CitizenSession;
import id.dukcapil.portal.staff.PasswordPolicy;
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

    @Test
    void a_wrong_address_and_a_short_code_are_told_at_their_fields_before_anything_is_sent() {
        BdsPasswordResetView reset = navigate(BdsPasswordResetView.class);
        test(reset.email).setValue("ujang-di-desa");
        test(reset.send).click();
        assertThat(reset.email.isInvalid()).isTrue();
        assertThat(reset.email.getErrorMessage()).isEqualTo("Masukkan alamat e-mail yang benar.");
        assertThat(reset.sentTo.isAttached()).as("no code asked for").isFalse();

        String unknown = support.newEmail();
        test(reset.email).setValue(unknown);
        test(reset.send).click();
        test(reset.code).setValue("123");
        test(reset.newPassword).setValue(NEW_PASSWORD);
        test(reset.save).click();

        assertThat(reset.code.isInvalid()).isTrue();
        assertThat(reset.code.getErrorMessage()).isEqualTo("Masukkan kode 6 angka dari e-mail.");
        assertThat(reset.newPassword.isInvalid()).isFalse();
        assertThat(reset.newPassword.getMaxLength()).isEqualTo(PasswordPolicy.MAX_LENGTH);
    }

    @Test
    void a_refused_code_is_told_at_the_code_and_the_typed_password_is_kept() {
        CitizenSession citizen = support.citizen();
        BdsPasswordResetView reset = navigate(BdsPasswordResetView.class);
        test(reset.email).setValue(citizen.email());
        test(reset.send).click();
        String code = support.lastCodeTo(citizen.email());

        test(reset.code).setValue(code.equals("000000") ? "111111" : "000000");
        test(reset.newPassword).setValue(NEW_PASSWORD);
        test(reset.save).click();

        assertThat(reset.code.isInvalid()).as("only the service knows the code is wrong").isTrue();
        assertThat(reset.code.getErrorMessage()).startsWith("Kode OTP salah");
        assertThat(reset.newPassword.getValue()).as("nothing typed is lost").isEqualTo(NEW_PASSWORD);
        assertThat(reset.email.getValue()).isEqualTo(citizen.email());
        assertThat(getCurrentView()).isInstanceOf(BdsPasswordResetView.class);

        test(reset.code).setValue(code);
        test(reset.save).click();
        assertThat(getCurrentView()).as("the right code with the kept password").isInstanceOf(BdsHomeView.class);
    }
}

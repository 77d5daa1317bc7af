package id.dukcapil.portal.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Citizen accounts: OTP by e-mail, its expiry and attempt limit, sign-in throttling, a reset by OTP. */
@PortalTest
class CitizenAccountTests {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    @Autowired CitizenAccounts accounts;
    @Autowired BookingTestSupport support;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    String email;

    @BeforeEach
    void a_citizen_registers() {
        clock.setInstant(Instant.parse("2026-11-23T02:00:00Z"));
        email = support.newEmail();
        accounts.register(new Registration("Asep Saepudin", email, "+62 812-2222-3333", BookingTestSupport.PASSWORD), INDONESIAN);
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void the_code_from_the_email_verifies_the_account_and_the_citizen_can_sign_in() {
        CitizenSession session = accounts.verify(email, support.lastCodeTo(email));
        assertThat(session.fullName()).isEqualTo("Asep Saepudin");
        assertThat(accounts.signIn(email, BookingTestSupport.PASSWORD).citizenId()).isEqualTo(session.citizenId());
        String stored = jdbc.queryForObject("SELECT code_hash FROM booking_otp WHERE citizen_id = ? ORDER BY id DESC LIMIT 1",
                String.class, session.citizenId());
        assertThat(stored).startsWith("{bcrypt}").doesNotContain(support.lastCodeTo(email));
    }

    @Test
    void a_code_older_than_ten_minutes_is_refused() {
        String code = support.lastCodeTo(email);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThatThrownBy(() -> accounts.verify(email, code))
                .isInstanceOfSatisfying(BookingRefused.class, refused -> assertThat(refused.code()).isEqualTo(RefusalCode.OTP_INVALID));
    }

    @Test
    void after_five_wrong_codes_even_the_right_one_is_refused() {
        String code = support.lastCodeTo(email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < CitizenAccounts.OTP_MAX_ATTEMPTS; i++) {
            assertThatThrownBy(() -> accounts.verify(email, wrong)).isInstanceOf(BookingRefused.class);
        }
        assertThatThrownBy(() -> accounts.verify(email, code)).isInstanceOf(BookingRefused.class);
        assertThatThrownBy(() -> accounts.signIn(email, BookingTestSupport.PASSWORD)).isInstanceOf(BookingRefused.class);
    }

    @Test
    void a_new_code_comes_at_most_once_a_minute_and_replaces_the_old_one() {
        String first = support.lastCodeTo(email);
        accounts.resendCode(email);
        assertThat(support.mailsTo(email)).isEqualTo(1);
        clock.advance(CitizenAccounts.OTP_RESEND_INTERVAL);
        accounts.resendCode(email);
        assertThat(support.mailsTo(email)).isEqualTo(2);
        String second = support.lastCodeTo(email);
        if (!second.equals(first)) {
            assertThatThrownBy(() -> accounts.verify(email, first)).isInstanceOf(BookingRefused.class);
        }
        assertThat(accounts.verify(email, second).fullName()).isEqualTo("Asep Saepudin");
    }

    @Test
    void registering_a_verified_address_again_answers_the_same_and_tells_only_its_owner() {
        accounts.verify(email, support.lastCodeTo(email));
        accounts.register(new Registration("Penyusup", email, "081299998888", "Lain-Sandi-2026"), INDONESIAN);
        assertThat(jdbc.queryForObject("SELECT subject FROM notification_message WHERE recipient = ? ORDER BY id DESC LIMIT 1",
                String.class, email)).contains("Pendaftaran akun BDS");
        assertThat(accounts.signIn(email, BookingTestSupport.PASSWORD).fullName()).isEqualTo("Asep Saepudin");
        // An unknown address: no error, no e-mail.
        String unknown = support.newEmail();
        accounts.resendCode(unknown);
        accounts.requestPasswordReset(unknown);
        assertThat(support.mailsTo(unknown)).isZero();
    }

    @Test
    void a_weak_password_or_a_foreign_phone_number_is_refused_with_every_reason() {
        assertThatThrownBy(() -> accounts.register(new Registration("X", support.newEmail(), "+1 202 555 0100", "pendek"), INDONESIAN))
                .isInstanceOfSatisfying(BookingRefused.class, refused -> assertThat(refused.messageKeys())
                        .contains("booking.refused.ACCOUNT_INVALID", "booking.account.phone", "password.rule.length",
                                "password.rule.digit"));
    }

    @Test
    void five_wrong_passwords_lock_the_sign_in_for_fifteen_minutes() {
        accounts.verify(email, support.lastCodeTo(email));
        for (int i = 0; i < CitizenAccounts.MAX_FAILED_SIGN_INS; i++) {
            assertThatThrownBy(() -> accounts.signIn(email, "Salah-Sandi-999"))
                    .isInstanceOfSatisfying(BookingRefused.class, refused -> assertThat(refused.code()).isEqualTo(RefusalCode.SIGN_IN_FAILED));
        }
        assertThatThrownBy(() -> accounts.signIn(email, BookingTestSupport.PASSWORD))
                .isInstanceOfSatisfying(BookingRefused.class, refused -> assertThat(refused.code()).isEqualTo(RefusalCode.SIGN_IN_THROTTLED));
        clock.advance(CitizenAccounts.SIGN_IN_LOCK);
        assertThat(accounts.signIn(email, BookingTestSupport.PASSWORD).fullName()).isEqualTo("Asep Saepudin");
    }

    @Test
    void a_forgotten_password_is_reset_with_a_code_and_old_tokens_end() {
        CitizenSession session = accounts.verify(email, support.lastCodeTo(email));
        ApiToken token = accounts.issueToken(session);
        assertThat(accounts.byToken(token.token())).isPresent();
        clock.advance(CitizenAccounts.OTP_RESEND_INTERVAL);
        accounts.requestPasswordReset(email);
        accounts.resetPassword(email, support.lastCodeTo(email), "Sandi-Baru-Bedas-7");
        assertThat(accounts.byToken(token.token())).isEmpty();
        assertThatThrownBy(() -> accounts.signIn(email, BookingTestSupport.PASSWORD)).isInstanceOf(BookingRefused.class);
        assertThat(accounts.signIn(email, "Sandi-Baru-Bedas-7").citizenId()).isEqualTo(session.citizenId());
    }
}

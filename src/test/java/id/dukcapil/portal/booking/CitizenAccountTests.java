package id.dukcapil.portal.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import java.time.Duration;
import java.util.List;
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
    @Autowired CitizenTokens tokens;
    @Autowired BookingTestSupport support;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    String email;
    /** The handle of this test's registration attempt. */
    String attempt;
    /** This test's own client address. */
    String client;

    @BeforeEach
    void a_citizen_registers() {
        clock.setInstant(TestDays.at(TestDays.nextMonday(clock), "09:00"));
        email = support.newEmail();
        client = support.newClientAddress();
        attempt = accounts.register(new Registration("Asep Saepudin", email, "+62 812-2222-3333", BookingTestSupport.PASSWORD),
                INDONESIAN, client);
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void the_code_from_the_email_verifies_the_account_and_the_citizen_can_sign_in() {
        CitizenSession session = accounts.verify(email, attempt, support.lastCodeTo(email), client);
        assertThat(session.fullName()).isEqualTo("Asep Saepudin");
        assertThat(accounts.signIn(email, BookingTestSupport.PASSWORD, client).citizenId()).isEqualTo(session.citizenId());
        String stored = jdbc.queryForObject("SELECT code_hash FROM booking_otp WHERE citizen_id = ? ORDER BY id DESC LIMIT 1",
                String.class, session.citizenId());
        assertThat(stored).startsWith("{bcrypt}").doesNotContain(support.lastCodeTo(email));
    }

    @Test
    void a_code_older_than_ten_minutes_is_refused() {
        String code = support.lastCodeTo(email);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThatThrownBy(() -> accounts.verify(email, attempt, code, client))
                .isInstanceOfSatisfying(BookingRefused.class, refused -> assertThat(refused.code()).isEqualTo(RefusalCode.OTP_INVALID));
    }

    @Test
    void after_five_wrong_codes_even_the_right_one_is_refused() {
        String code = support.lastCodeTo(email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < CitizenAccounts.OTP_MAX_ATTEMPTS; i++) {
            assertThatThrownBy(() -> accounts.verify(email, attempt, wrong, client)).isInstanceOf(BookingRefused.class);
        }
        assertThatThrownBy(() -> accounts.verify(email, attempt, code, client)).isInstanceOf(BookingRefused.class);
        assertThatThrownBy(() -> accounts.signIn(email, BookingTestSupport.PASSWORD, client)).isInstanceOf(BookingRefused.class);
    }

    @Test
    void a_malformed_code_is_refused_as_such_and_spends_none_of_the_five_tries() {
        for (int i = 0; i < CitizenAccounts.OTP_MAX_ATTEMPTS; i++) {
            assertThatThrownBy(() -> accounts.verify(email, attempt, "abc", client)).isInstanceOfSatisfying(BookingRefused.class,
                    refused -> assertThat(refused.code()).isEqualTo(RefusalCode.OTP_MALFORMED));
        }
        assertThat(jdbc.queryForObject("SELECT MAX(o.attempts) FROM booking_otp o JOIN booking_citizen c ON c.id = o.citizen_id "
                + "WHERE c.email = ?", Integer.class, email)).isZero();
        assertThat(accounts.verify(email, attempt, support.lastCodeTo(email), client).fullName()).isEqualTo("Asep Saepudin");
    }

    @Test
    void a_new_code_comes_at_most_once_a_minute_and_replaces_the_old_one() {
        String first = support.lastCodeTo(email);
        accounts.resendCode(email, attempt, client);
        assertThat(support.mailsTo(email)).isEqualTo(1);
        clock.advance(CitizenAccounts.OTP_RESEND_INTERVAL);
        accounts.resendCode(email, attempt, client);
        assertThat(support.mailsTo(email)).isEqualTo(2);
        String second = support.lastCodeTo(email);
        if (!second.equals(first)) {
            assertThatThrownBy(() -> accounts.verify(email, attempt, first, client)).isInstanceOf(BookingRefused.class);
        }
        assertThat(accounts.verify(email, attempt, second, client).fullName()).isEqualTo("Asep Saepudin");
    }

    @Test
    void registering_a_verified_address_again_answers_the_same_and_tells_only_its_owner() {
        accounts.verify(email, attempt, support.lastCodeTo(email), client);
        accounts.register(new Registration("Penyusup", email, "081299998888", "Lain-Sandi-2026"), INDONESIAN, client);
        assertThat(jdbc.queryForObject("SELECT subject FROM notification_message WHERE recipient = ? ORDER BY id DESC LIMIT 1",
                String.class, email)).contains("Pendaftaran akun BDS");
        assertThat(accounts.signIn(email, BookingTestSupport.PASSWORD, client).fullName()).isEqualTo("Asep Saepudin");
        // An unknown address: no error, no e-mail.
        String unknown = support.newEmail();
        accounts.resendCode(unknown, attempt, client);
        accounts.requestPasswordReset(unknown, client);
        assertThat(support.mailsTo(unknown)).isZero();
    }

    @Test
    void a_weak_password_or_a_foreign_phone_number_is_refused_with_every_reason() {
        assertThatThrownBy(() -> accounts.register(new Registration("X", support.newEmail(), "+1 202 555 0100", "pendek"), INDONESIAN, client))
                .isInstanceOfSatisfying(BookingRefused.class, refused -> assertThat(refused.messageKeys())
                        .contains("booking.refused.ACCOUNT_INVALID", "booking.account.phone", "password.rule.length",
                                "password.rule.digit"));
    }

    @Test
    void five_wrong_passwords_lock_the_sign_in_for_fifteen_minutes() {
        accounts.verify(email, attempt, support.lastCodeTo(email), client);
        for (int i = 0; i < CitizenAccounts.MAX_FAILED_SIGN_INS; i++) {
            assertThatThrownBy(() -> accounts.signIn(email, "Salah-Sandi-999", client))
                    .isInstanceOfSatisfying(BookingRefused.class, refused -> assertThat(refused.code()).isEqualTo(RefusalCode.SIGN_IN_FAILED));
        }
        assertThatThrownBy(() -> accounts.signIn(email, BookingTestSupport.PASSWORD, client))
                .isInstanceOfSatisfying(BookingRefused.class, refused -> assertThat(refused.code()).isEqualTo(RefusalCode.SIGN_IN_THROTTLED));
        clock.advance(CitizenAccounts.SIGN_IN_LOCK);
        assertThat(accounts.signIn(email, BookingTestSupport.PASSWORD, client).fullName()).isEqualTo("Asep Saepudin");
    }

    @Test
    void a_forgotten_password_is_reset_with_a_code_and_old_tokens_end() {
        CitizenSession session = accounts.verify(email, attempt, support.lastCodeTo(email), client);
        ApiToken token = tokens.issueToken(session);
        assertThat(tokens.byToken(token.token())).isPresent();
        clock.advance(CitizenAccounts.OTP_RESEND_INTERVAL);
        accounts.requestPasswordReset(email, client);
        accounts.resetPassword(email, support.lastCodeTo(email), "Sandi-Baru-Bedas-7", client);
        assertThat(tokens.byToken(token.token())).isEmpty();
        assertThatThrownBy(() -> accounts.signIn(email, BookingTestSupport.PASSWORD, client)).isInstanceOf(BookingRefused.class);
        assertThat(accounts.signIn(email, "Sandi-Baru-Bedas-7", client).citizenId()).isEqualTo(session.citizenId());
    }

    @Test
    void a_reset_confirmation_answers_alike_for_a_verified_a_pending_and_an_unknown_address_and_then_waits() {
        String verified = support.newEmail();
        support.citizen(verified);
        clock.advance(CitizenAccounts.OTP_RESEND_INTERVAL);
        accounts.requestPasswordReset(verified, support.newClientAddress());
        String wrong = support.lastCodeTo(verified).equals("000000") ? "111111" : "000000";
        for (String address : List.of(verified, email, support.newEmail())) {
            String from = support.newClientAddress();
            for (int i = 0; i < CitizenAccounts.RESET_FAILURES_PER_ADDRESS.events(); i++) {
                assertThatThrownBy(() -> accounts.resetPassword(address, wrong, "pendek", from)).as(address)
                        .isInstanceOfSatisfying(BookingRefused.class, refused -> assertThat(refused.code())
                                .isEqualTo(RefusalCode.OTP_INVALID));
            }
            assertThatThrownBy(() -> accounts.resetPassword(address, wrong, "pendek", support.newClientAddress()))
                    .as(address + ", from any client").isInstanceOfSatisfying(BookingRefused.class,
                            refused -> assertThat(refused.code()).isEqualTo(RefusalCode.OTP_THROTTLED));
        }
    }

    @Test
    void the_right_reset_code_with_a_weak_password_hears_the_rules_and_may_try_again() {
        accounts.verify(email, attempt, support.lastCodeTo(email), client);
        clock.advance(CitizenAccounts.OTP_RESEND_INTERVAL);
        accounts.requestPasswordReset(email, client);
        String code = support.lastCodeTo(email);
        assertThatThrownBy(() -> accounts.resetPassword(email, code, "pendek", client))
                .isInstanceOfSatisfying(BookingRefused.class, refused -> assertThat(refused.messageKeys())
                        .contains("booking.refused.ACCOUNT_INVALID", "password.rule.length"));
        accounts.resetPassword(email, code, "Sandi-Baru-Bedas-7", client);
        assertThat(accounts.signIn(email, "Sandi-Baru-Bedas-7", client).fullName()).isEqualTo("Asep Saepudin");
    }

    @Test
    void registering_again_a_pending_address_never_replaces_its_password_and_each_code_opens_only_its_own_attempt() {
        String ownCode = support.lastCodeTo(email);
        clock.advance(CitizenAccounts.OTP_RESEND_INTERVAL);
        String stranger = support.newClientAddress();
        accounts.register(new Registration("Penyusup", email, "081299998888", "Lain-Sandi-2026"), INDONESIAN, stranger);
        assertThat(support.mailsTo(email)).as("the second attempt has a code of its own").isEqualTo(2);

        CitizenSession session = accounts.verify(email, attempt, ownCode, client);
        assertThat(session.fullName()).isEqualTo("Asep Saepudin");
        assertThat(accounts.signIn(email, BookingTestSupport.PASSWORD, client).citizenId()).isEqualTo(session.citizenId());
        assertThatThrownBy(() -> accounts.signIn(email, "Lain-Sandi-2026", stranger))
                .isInstanceOfSatisfying(BookingRefused.class, refused -> assertThat(refused.code()).isEqualTo(RefusalCode.SIGN_IN_FAILED));
    }

    @Test
    void a_second_registration_of_a_pending_address_gets_neither_the_first_ones_code_nor_its_account() {
        clock.advance(CitizenAccounts.OTP_RESEND_INTERVAL.plusSeconds(1));
        String stranger = support.newClientAddress();
        String strangers = accounts.register(new Registration("Penyusup", email, "081299998888", "Lain-Sandi-2026"),
                INDONESIAN, stranger);
        String strangersCode = support.lastCodeTo(email);
        assertThatThrownBy(() -> accounts.verify(email, attempt, strangersCode, client))
                .as("the stranger's code, though in the citizen's mailbox, is wrong for the citizen's attempt")
                .isInstanceOfSatisfying(BookingRefused.class, refused -> assertThat(refused.code()).isEqualTo(RefusalCode.OTP_INVALID));

        clock.advance(CitizenAccounts.OTP_RESEND_INTERVAL.plusSeconds(1));
        accounts.resendCode(email, attempt, client);
        assertThat(support.lastTextTo(email)).as("the citizen's 'send again' brings the citizen's own attempt's code")
                .contains("Asep Saepudin").doesNotContain("Penyusup");
        CitizenSession session = accounts.verify(email, attempt, support.lastCodeTo(email), client);

        assertThat(session.fullName()).isEqualTo("Asep Saepudin");
        assertThat(jdbc.queryForObject("SELECT phone FROM booking_citizen WHERE id = ?", String.class, session.citizenId()))
                .isEqualTo("+6281222223333");
        assertThat(accounts.signIn(email, BookingTestSupport.PASSWORD, client).citizenId()).isEqualTo(session.citizenId());
        assertThatThrownBy(() -> accounts.signIn(email, "Lain-Sandi-2026", stranger))
                .isInstanceOfSatisfying(BookingRefused.class, refused -> assertThat(refused.code()).isEqualTo(RefusalCode.SIGN_IN_FAILED));
        assertThatThrownBy(() -> accounts.verify(email, strangers, strangersCode, stranger)).as("every other code is spent")
                .isInstanceOf(BookingRefused.class);
    }

    @Test
    void a_verified_address_and_a_new_one_both_answer_a_registration_with_a_handle_alike() {
        accounts.verify(email, attempt, support.lastCodeTo(email), client);
        String again = accounts.register(new Registration("Penyusup", email, "081299998888", "Lain-Sandi-2026"),
                INDONESIAN, support.newClientAddress());
        String fresh = accounts.register(new Registration("Dewi Sartika", support.newEmail(), "081299998888",
                "Lain-Sandi-2026"), INDONESIAN, support.newClientAddress());
        assertThat(again).hasSameSizeAs(fresh).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(attempt);
    }

    @Test
    void five_wrong_passwords_answer_alike_for_an_unknown_address_and_a_registered_one() {
        accounts.verify(email, attempt, support.lastCodeTo(email), client);
        for (String address : List.of(email, support.newEmail())) {
            for (int i = 0; i < CitizenAccounts.MAX_FAILED_SIGN_INS; i++) {
                assertThatThrownBy(() -> accounts.signIn(address, "Salah-Sandi-999", client))
                        .isInstanceOfSatisfying(BookingRefused.class, refused -> assertThat(refused.code()).isEqualTo(RefusalCode.SIGN_IN_FAILED));
            }
            assertThatThrownBy(() -> accounts.signIn(address, BookingTestSupport.PASSWORD, client))
                    .as(address).isInstanceOfSatisfying(BookingRefused.class,
                            refused -> assertThat(refused.code()).isEqualTo(RefusalCode.SIGN_IN_THROTTLED));
        }
    }

    @Test
    void one_client_address_trying_passwords_on_many_addresses_is_told_to_wait() {
        accounts.verify(email, attempt, support.lastCodeTo(email), client);
        for (int i = 0; i < CitizenAccounts.SIGN_IN_FAILURES_PER_CLIENT.events(); i++) {
            assertThatThrownBy(() -> accounts.signIn(support.newEmail(), "Salah-Sandi-999", client)).isInstanceOf(BookingRefused.class);
        }
        assertThatThrownBy(() -> accounts.signIn(email, BookingTestSupport.PASSWORD, client))
                .isInstanceOfSatisfying(BookingRefused.class, refused -> assertThat(refused.code()).isEqualTo(RefusalCode.SIGN_IN_THROTTLED));
        assertThat(accounts.signIn(email, BookingTestSupport.PASSWORD, support.newClientAddress()).fullName())
                .as("the account itself is not locked").isEqualTo("Asep Saepudin");
    }

    @Test
    void registering_a_verified_address_again_and_again_mails_its_owner_a_few_times_only() {
        accounts.verify(email, attempt, support.lastCodeTo(email), client);
        for (int i = 0; i < 10; i++) {
            accounts.register(new Registration("Penyusup", email, "081299998888", "Lain-Sandi-2026"), INDONESIAN,
                    support.newClientAddress());
        }
        assertThat(support.mailsTo(email)).as("the code, then already-registered notes up to the hour's limit")
                .isEqualTo((int) CitizenAccounts.MAILS_PER_RECIPIENT.events());
        for (int i = 1; i < CitizenAccounts.MAIL_REQUESTS_PER_CLIENT.events(); i++) {
            accounts.requestPasswordReset(support.newEmail(), client);
        }
        assertThatThrownBy(() -> accounts.requestPasswordReset(support.newEmail(), client))
                .as("one client asking for ever more e-mails").isInstanceOfSatisfying(BookingRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo(RefusalCode.OTP_THROTTLED));
    }

    @Test
    void a_name_is_letters_spaces_and_the_punctuation_of_names_only() {
        for (String name : List.of("Klik https://bds-bandung.xyz", "Hadiah di bds-bandung.xyz", "Asep <b>Saepudin</b>",
                "Asep 0812 9999", " ", "A".repeat(Registration.NAME_MAX_LENGTH + 1))) {
            assertThatThrownBy(() -> accounts.register(new Registration(name, support.newEmail(), "0812 1111 2222",
                    BookingTestSupport.PASSWORD), INDONESIAN, support.newClientAddress()))
                    .as(name).isInstanceOfSatisfying(BookingRefused.class,
                            refused -> assertThat(refused.messageKeys()).contains("booking.account.name"));
        }
        for (String name : List.of("Nur'aini binti H. Asep", "Dr. Siti Ma'rifah, S. Kom.", "Ñoño Pérez-Gómez", "Ujang")) {
            String address = support.newEmail();
            accounts.register(new Registration(name, address, "0812 1111 2222", BookingTestSupport.PASSWORD), INDONESIAN,
                    support.newClientAddress());
            assertThat(support.mailsTo(address)).as(name).isEqualTo(1);
        }
    }
}

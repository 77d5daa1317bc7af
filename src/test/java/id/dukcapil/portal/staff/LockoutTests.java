package id.dukcapil.portal.staff;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.SignIn.Result;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Five failed sign-ins lock an account for 15 minutes, with the portal's clock set by the test. */
@PortalTest
class LockoutTests {

    private static final String PASSWORD = "Sandi-Kuat-2026";

    @Autowired TestClock clock;
    @Autowired StaffAccounts staffAccounts;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;
    SignIn signIn;
    String username;

    @BeforeEach
    void a_staff_member_with_a_known_password() {
        clock.setInstant(TestDays.at(TestDays.nextMonday(clock), "08:00"));
        signIn = new SignIn(port);
        username = staffAccounts.create(Set.of(Role.OPERATOR), PASSWORD);
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void four_failures_do_not_lock_the_account() {
        failTimes(4);
        assertThat(signIn.attempt(username, PASSWORD)).isEqualTo(Result.SIGNED_IN);
    }

    @Test
    void the_fifth_failure_locks_the_account_even_against_the_right_password() {
        failTimes(5);
        assertThat(signIn.attempt(username, PASSWORD)).isEqualTo(Result.REFUSED);
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(signIn.attempt(username, PASSWORD)).isEqualTo(Result.REFUSED);
    }

    @Test
    void the_sign_in_page_is_told_why_by_its_address_a_lock_apart_from_everything_else() {
        assertThat(signIn.sentTo(username, "wrong-1")).endsWith("/login?error");
        jdbc.update("UPDATE staff_account SET active = FALSE WHERE username = ?", username);
        assertThat(signIn.sentTo(username, PASSWORD)).as("deactivated: as a wrong password").endsWith("/login?error");
        jdbc.update("UPDATE staff_account SET active = TRUE WHERE username = ?", username);
        failTimes(4);
        assertThat(signIn.sentTo(username, PASSWORD)).endsWith("/login?error=locked");
    }

    @Test
    void the_account_unlocks_after_fifteen_minutes() {
        failTimes(5);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(signIn.attempt(username, PASSWORD)).isEqualTo(Result.SIGNED_IN);
    }

    @Test
    void a_successful_sign_in_resets_the_count() {
        failTimes(4);
        assertThat(signIn.attempt(username, PASSWORD)).isEqualTo(Result.SIGNED_IN);
        failTimes(4);
        assertThat(signIn.attempt(username, PASSWORD)).isEqualTo(Result.SIGNED_IN);
    }

    @Test
    void a_failed_attempt_while_locked_does_not_extend_the_lock() {
        failTimes(5);
        clock.advance(Duration.ofMinutes(10));
        assertThat(signIn.attempt(username, "wrong-while-locked")).isEqualTo(Result.REFUSED);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(signIn.attempt(username, PASSWORD)).isEqualTo(Result.SIGNED_IN);
    }

    @Test
    void an_unknown_username_reads_locked_after_as_many_failures_as_a_real_one_and_for_as_long() {
        String unknown = "tidakada" + System.nanoTime() % 1_000_000;
        for (String name : List.of(username, unknown)) {
            for (int i = 0; i < 5; i++) {
                assertThat(signIn.attempt(name, "wrong-" + i)).isEqualTo(Result.REFUSED);
                assertThat(lastSignInAnswer(name)).as(name + ", failure " + (i + 1)).isEqualTo("FAILURE");
            }
        }
        clock.advance(Duration.ofMinutes(10));
        for (String name : List.of(username, unknown)) {
            assertThat(signIn.attempt(name, "wrong-while-locked")).isEqualTo(Result.REFUSED);
            assertThat(lastSignInAnswer(name)).as(name + " while locked").isEqualTo("REFUSED LockedException");
        }
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        for (String name : List.of(username, unknown)) {
            assertThat(signIn.attempt(name, "wrong-after")).isEqualTo(Result.REFUSED);
            assertThat(lastSignInAnswer(name)).as(name + " after the lock, not extended").isEqualTo("FAILURE");
        }
    }

    /** What the sign-in answered, as the audit log keeps it: a wrong password, or refused before (and why). */
    private String lastSignInAnswer(String name) {
        return jdbc.queryForObject("SELECT TRIM(CONCAT(outcome, ' ', IF(outcome = 'REFUSED', detail, ''))) FROM audit_entry "
                + "WHERE action = 'staff.sign-in' AND actor_id = ? ORDER BY seq DESC LIMIT 1", String.class, name);
    }

    @Test
    void failures_sign_ins_and_the_lockout_are_audited() {
        failTimes(5);
        List<String> actions = jdbc.queryForList(
                "SELECT CONCAT(action, ' ', outcome) FROM audit_entry WHERE subject_id = ? ORDER BY seq",
                String.class, username);
        assertThat(actions).containsSubsequence("staff.sign-in FAILURE",
                "staff.sign-in FAILURE", "staff.sign-in FAILURE", "staff.sign-in FAILURE", "staff.sign-in FAILURE",
                "staff.locked SUCCESS");
        signIn.attempt(username, PASSWORD);
        assertThat(jdbc.queryForObject("SELECT outcome FROM audit_entry WHERE subject_id = ? ORDER BY seq DESC LIMIT 1",
                String.class, username)).isEqualTo("REFUSED");
    }

    @Test
    void a_failed_sign_in_with_a_200_character_name_is_refused_and_audited() {
        String claimed = "penyusup" + "x".repeat(192);
        long before = jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM audit_entry", Long.class);

        assertThat(signIn.attempt(claimed, "apa-saja")).isEqualTo(Result.REFUSED);

        List<String> entries = jdbc.queryForList("SELECT CONCAT(action, ' ', outcome, ' ', actor_id) FROM audit_entry "
                + "WHERE seq > ? AND action = 'staff.sign-in'", String.class, before);
        assertThat(entries).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("staff.sign-in FAILURE penyusupxxx").hasSizeLessThanOrEqualTo("staff.sign-in FAILURE ".length() + 60);
    }

    private void failTimes(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(signIn.attempt(username, "wrong-" + i)).isEqualTo(Result.REFUSED);
        }
    }
}

package id.dukcapil.portal.staff;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.SignIn.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 52, items 4 and 8, as an attacker tries them over HTTP against the login form: a burst of wrong passwords
 * for one name, a deactivated name probed beside a made-up one, and one address spraying wrong passwords over many
 * names to keep them locked. How many passwords were checked is read from the audit log, which records each check
 * ("wrong password", "unknown username") apart from a refusal made before any check.
 */
@PortalTest
class HostileStaffSignInTests {

    private static final String PASSWORD = "Sandi-Kuat-2026";
    private static final int BURST = 31;

    @Autowired TestClock clock;
    @Autowired StaffAccounts staffAccounts;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;
    @Value("${portal.security.max-failed-sign-ins:5}") int maxFailures;
    @Value("${portal.security.max-failed-sign-ins-per-client:20}") int maxFailuresPerClient;
    String username;
    long auditedBefore;

    @BeforeEach
    void a_staff_member_with_a_known_password() {
        clock.setInstant(TestDays.at(TestDays.nextMonday(clock), "08:00"));
        username = staffAccounts.create(Set.of(Role.OPERATOR), PASSWORD);
        auditedBefore = jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM audit_entry", Long.class);
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void thirty_one_wrong_passwords_sent_at_once_have_no_more_than_the_limit_checked_and_lock_the_account() {
        SignIn attacker = new SignIn(port);

        List<Result> answers = burst(BURST, i -> attacker.prepare(username, "salah-" + i));

        assertThat(answers).containsOnly(Result.REFUSED);
        assertThat(passwordsChecked(List.of(username))).as("passwords checked of " + BURST).isEqualTo(maxFailures);
        assertThat(new SignIn(port).attempt(username, PASSWORD)).as("the right password, after the burst")
                .isEqualTo(Result.REFUSED);
    }

    @Test
    void a_deactivated_account_is_answered_as_a_name_nobody_has_try_after_try() {
        jdbc.update("UPDATE staff_account SET active = FALSE WHERE username = ?", username);
        String unknown = "tidakada-" + UUID.randomUUID().toString().substring(0, 8);
        SignIn attacker = new SignIn(port);

        for (int i = 0; i <= maxFailures; i++) {
            String deactivatedAnswer = answer(attacker, username, PASSWORD);
            String unknownAnswer = answer(attacker, unknown, PASSWORD);
            assertThat(deactivatedAnswer).as("try " + (i + 1)).isEqualTo(unknownAnswer)
                    .isEqualTo(i < maxFailures ? "FAILURE" : "REFUSED LockedException");
        }
        assertThat(jdbc.queryForList("SELECT detail FROM audit_entry WHERE seq > ? AND subject_id = ? "
                + "AND action = 'staff.sign-in'", String.class, auditedBefore, username))
                .as("the audit log still tells the truth").contains("deactivated account");
    }

    @Test
    void one_address_spraying_many_names_runs_out_of_tries_and_cannot_lock_an_account_another_address_uses() {
        SignIn attacker = new SignIn(port);
        String prefix = "semprot-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> names = new ArrayList<>();
        for (int i = 0; i < maxFailuresPerClient + 10; i++) {
            names.add(prefix + i);
        }

        List<Result> answers = burst(names.size(), i -> attacker.prepare(names.get(i), "salah"));

        assertThat(answers).containsOnly(Result.REFUSED);
        assertThat(passwordsChecked(names)).as("passwords checked from one address").isEqualTo(maxFailuresPerClient);
        for (int i = 0; i < maxFailures; i++) {
            assertThat(attacker.attempt(username, "salah-" + i)).isEqualTo(Result.REFUSED);
        }
        assertThat(attacker.attempt(username, PASSWORD)).as("the right password from the spent address")
                .isEqualTo(Result.REFUSED);
        assertThat(new SignIn(port).attempt(username, PASSWORD)).as("the staff member at another address")
                .isEqualTo(Result.SIGNED_IN);
    }

    /**
     * What the sign-in answered, as the audit log keeps it: a password checked and refused ({@code FAILURE}, which the
     * login page shows as "wrong username or password"), or refused before any check and why (the exception the page
     * shows: locked, or on main "deactivated").
     */
    private String answer(SignIn from, String name, String password) {
        assertThat(from.attempt(name, password)).isEqualTo(Result.REFUSED);
        return jdbc.queryForObject("SELECT TRIM(CONCAT(outcome, ' ', IF(outcome = 'REFUSED', detail, ''))) "
                + "FROM audit_entry WHERE action = 'staff.sign-in' AND actor_id = ? ORDER BY seq DESC LIMIT 1",
                String.class, name);
    }

    /** The sign-ins sent together: each page opened first, then every form posted at once. */
    private static List<Result> burst(int count, IntFunction<SignIn.Prepared> prepare) {
        List<SignIn.Prepared> prepared = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            prepared.add(prepare.apply(i));
        }
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(count)) {
            List<Future<Result>> sent = prepared.stream().map(sign -> threads.submit(() -> {
                start.await();
                return sign.send();
            })).toList();
            start.countDown();
            List<Result> answers = new ArrayList<>();
            for (Future<Result> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Passwords checked for these names since the test began: each check is audited as a failure. */
    private int passwordsChecked(List<String> names) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE seq > ? AND action = 'staff.sign-in' "
                + "AND outcome = 'FAILURE' AND actor_id IN (" + String.join(",", names.stream().map(n -> "?").toList())
                + ")", Integer.class, concat(auditedBefore, names));
    }

    private static Object[] concat(long first, List<String> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all.toArray();
    }
}

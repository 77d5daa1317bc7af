package id.dukcapil.portal.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

/** The account's row as its repository writes it: what one save leaves, and a save over a version read before another. */
@PortalTest
class StaffAccountRepositoryTests {

    @Autowired StaffAccountRepository accounts;
    @Autowired ServicePointRepository points;
    @Autowired StaffAccounts staffAccounts;
    @Autowired TestClock clock;

    @Test
    void a_write_over_a_version_another_write_replaced_is_refused_and_the_first_stays() {
        String username = staffAccounts.create(Set.of(Role.OPERATOR), "Sandi-Kuat-2026");
        StaffAccountEntity first = accounts.findByUsername(username).orElseThrow();
        StaffAccountEntity second = accounts.findByUsername(username).orElseThrow();

        ServicePointEntity dinas = points.findByCode("DINAS").orElseThrow();
        first.update(username, "Nama Pertama", "pertama@example.id", null, dinas,
                Set.of(Role.OPERATOR, Role.PLANNER), true);
        StaffAccountEntity saved = accounts.saveAndFlush(first);
        second.update(username, "Nama Kedua", null, null, dinas, Set.of(Role.ADMIN), false);

        assertThatThrownBy(() -> accounts.saveAndFlush(second)).isInstanceOf(OptimisticLockingFailureException.class);
        StaffAccountEntity stored = accounts.findByUsername(username).orElseThrow();
        assertThat(stored.fullName()).isEqualTo("Nama Pertama");
        assertThat(stored.roles()).containsExactlyInAnyOrder(Role.OPERATOR, Role.PLANNER);
        assertThat(stored.version()).isEqualTo(saved.version()).isEqualTo(second.version() + 1);
        assertThat(accounts.activeEmailsWithRole(Role.PLANNER)).contains("pertama@example.id");
        assertThat(accounts.namesOf(List.of(username, "nobody"))).extracting(StaffAccountRepository.Name::getUsername)
                .containsExactly(username);
    }

    @Test
    void the_sign_in_counters_and_the_lock_are_kept_to_the_millisecond() {
        String username = staffAccounts.create(Set.of(Role.OPERATOR), "Sandi-Kuat-2026");
        Instant now = TestDays.at(TestDays.nextMonday(clock), "08:00:00.123");
        long id = accounts.findByUsername(username).orElseThrow().id();
        assertThat(accounts.reserveSignInTry(id, now, 2, Duration.ofMinutes(15))).isEqualTo(SignInTry.CHECK);
        assertThat(accounts.reserveSignInTry(id, now, 2, Duration.ofMinutes(15))).isEqualTo(SignInTry.LAST_CHECK);
        assertThat(accounts.reserveSignInTry(id, now, 2, Duration.ofMinutes(15))).isEqualTo(SignInTry.LOCKED);

        StaffAccountEntity stored = accounts.findByUsername(username).orElseThrow();
        assertThat(stored.lockedUntil()).isEqualTo(now.plus(Duration.ofMinutes(15)));
        assertThat(stored.lockedAt(now)).isTrue();
        assertThat(stored.servicePoint().code()).isEqualTo("DINAS");
    }
}

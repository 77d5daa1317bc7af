package id.dukcapil.portal.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

/** The account's row as the store writes it: what one write leaves, and a write over a version read before another. */
@PortalTest
class StaffAccountStoreTests {

    @Autowired StaffAccountStore accounts;
    @Autowired StaffAccounts staffAccounts;

    @Test
    void a_write_over_a_version_another_write_replaced_is_refused_and_the_first_stays() {
        String username = staffAccounts.create(Set.of(Role.OPERATOR), "Sandi-Kuat-2026");
        StaffAccountEntity first = accounts.byUsername(username).orElseThrow();
        StaffAccountEntity second = accounts.byUsername(username).orElseThrow();

        first.update(username, "Nama Pertama", "pertama@example.id", null, first.servicePoint(),
                Set.of(Role.OPERATOR, Role.PLANNER), true);
        accounts.update(first);
        second.update(username, "Nama Kedua", null, null, second.servicePoint(), Set.of(Role.ADMIN), false);

        assertThatThrownBy(() -> accounts.update(second)).isInstanceOf(OptimisticLockingFailureException.class);
        StaffAccountEntity stored = accounts.byUsername(username).orElseThrow();
        assertThat(stored.fullName()).isEqualTo("Nama Pertama");
        assertThat(stored.roles()).containsExactlyInAnyOrder(Role.OPERATOR, Role.PLANNER);
        assertThat(stored.version()).isEqualTo(first.version()).isEqualTo(second.version() + 1);
        assertThat(accounts.activeEmailsWithRole(Role.PLANNER)).contains("pertama@example.id");
        assertThat(accounts.namesOf(List.of(username, "nobody"))).containsOnlyKeys(username);
    }

    @Test
    void the_sign_in_counters_and_the_lock_are_kept_to_the_millisecond() {
        String username = staffAccounts.create(Set.of(Role.OPERATOR), "Sandi-Kuat-2026");
        Instant now = Instant.parse("2026-11-23T01:00:00.123Z");
        long id = accounts.byUsername(username).orElseThrow().id();
        assertThat(accounts.reserveSignInTry(id, now, 2, Duration.ofMinutes(15))).isEqualTo(SignInTry.CHECK);
        assertThat(accounts.reserveSignInTry(id, now, 2, Duration.ofMinutes(15))).isEqualTo(SignInTry.LAST_CHECK);
        assertThat(accounts.reserveSignInTry(id, now, 2, Duration.ofMinutes(15))).isEqualTo(SignInTry.LOCKED);

        StaffAccountEntity stored = accounts.byUsername(username).orElseThrow();
        assertThat(stored.lockedUntil()).isEqualTo(now.plus(Duration.ofMinutes(15)));
        assertThat(stored.lockedAt(now)).isTrue();
        assertThat(stored.servicePoint().code()).isEqualTo("DINAS");
    }
}

package id.dukcapil.portal.staff.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;
import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Unknown usernames on two nodes of one database: the portal's own lockout is node A, a second one made here is node
 * B. The count is one, the lock follows a made-up name from node to node as it follows a real account, and what a
 * stranger's names leave behind is bounded.
 */
@PortalTest
class UnknownNameLockoutTests {

    private static final Duration LOCKOUT = Duration.ofMinutes(15);

    @Autowired UnknownNameLockout nodeA;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    UnknownNameLockout nodeB;
    final String name = "tidakada-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void two_nodes_at_a_fixed_time() {
        clock.setInstant(TestDays.at(TestDays.nextMonday(clock), "08:00"));
        nodeB = new UnknownNameLockout(jdbc, clock, 5, LOCKOUT);
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void five_failures_spread_over_two_nodes_lock_the_name_on_both_for_fifteen_minutes() {
        for (int i = 0; i < 4; i++) {
            (i % 2 == 0 ? nodeA : nodeB).reserve(name, clock.instant());
        }
        assertThat(nodeA.lockedAt(name, clock.instant())).as("four").isFalse();
        nodeB.reserve(name, clock.instant());
        assertThat(nodeA.lockedAt(name, clock.instant())).as("the fifth, on B, locks on A").isTrue();
        assertThat(nodeB.lockedAt(name, clock.instant())).isTrue();

        clock.advance(Duration.ofMinutes(10));
        nodeA.reserve(name, clock.instant());
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(nodeB.lockedAt(name, clock.instant())).as("a failure while locked did not extend it").isFalse();
        for (int i = 0; i < 4; i++) {
            nodeB.reserve(name, clock.instant());
        }
        assertThat(nodeA.lockedAt(name, clock.instant())).as("counted afresh after the lock: four").isFalse();
        nodeA.reserve(name, clock.instant());
        assertThat(nodeB.lockedAt(name, clock.instant())).isTrue();
    }

    @Test
    void a_stranger_trying_ever_new_names_leaves_nothing_a_day_later_but_the_locks() {
        String prefix = "acak-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        for (int i = 0; i < 2_000; i++) {
            nodeA.reserve(prefix + i, clock.instant());
        }
        for (int i = 0; i < 5; i++) {
            nodeA.reserve(name, clock.instant().plus(Duration.ofDays(1)).minusSeconds(60));
        }
        assertThat(rows()).isGreaterThanOrEqualTo(2_001);
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(nodeB.purge()).isGreaterThanOrEqualTo(2_000);
        assertThat(rows()).as("what other tests' sign-ins left today, and the lock").isLessThan(10);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM staff_unknown_name
                WHERE failed_at < ? AND (locked_until IS NULL OR locked_until <= ?)""")
                .params(utc(clock.instant().minus(Duration.ofDays(1))), utc(clock.instant())).query(Long.class).single())
                .as("nothing idle for a day and unlocked").isZero();
        assertThat(nodeA.lockedAt(name, clock.instant())).as("the name locked a minute ago stays locked").isTrue();
    }

    private long rows() {
        return jdbc.sql("SELECT COUNT(*) FROM staff_unknown_name").query(Long.class).single();
    }
}

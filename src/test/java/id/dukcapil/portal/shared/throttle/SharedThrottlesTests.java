package id.dukcapil.portal.shared.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import id.dukcapil.portal.shared.tx.WriteRetries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import id.dukcapil.portal.Together;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes' throttles on one database count together: the portal's own {@link Throttles} is node A, a second one made
 * here on the same database and clock is node B.
 */
@PortalTest
class SharedThrottlesTests {

    private static final Logger log = LoggerFactory.getLogger(SharedThrottlesTests.class);

    @Autowired Throttles nodeA;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired WriteRetries retries;
    @Autowired TestClock clock;
    Throttles nodeB;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void two_nodes_at_a_fixed_time() {
        clock.setInstant(TestDays.at(TestDays.nextMonday(clock), "09:00"));
        nodeB = new Throttles(jdbc, transactions, clock, 200_000);
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void five_failures_spread_over_two_nodes_lock_on_both() {
        Limit fivePerQuarter = Limit.of(5, Duration.ofMinutes(15));
        Throttle onA = nodeA.of(run + ".sign-in", fivePerQuarter);
        Throttle onB = nodeB.of(run + ".sign-in", fivePerQuarter);
        onA.take("siti@example.id");
        onB.take("siti@example.id");
        onA.take("siti@example.id");
        onB.take("siti@example.id");
        assertThat(onA.spent("siti@example.id")).as("four: one left").isFalse();
        assertThat(onB.tryTake("siti@example.id")).as("the fifth, on B").isTrue();
        assertThat(onA.spent("siti@example.id")).as("A sees B's").isTrue();
        assertThat(onB.spent("siti@example.id")).isTrue();
        assertThat(onA.tryTake("siti@example.id")).isFalse();
        assertThat(onB.spent("dewi@example.id")).as("another key").isFalse();

        onB.forgive("siti@example.id");
        assertThat(onA.spent("siti@example.id")).as("forgiven on B, afresh on A").isFalse();
    }

    @Test
    void a_node_whose_clock_is_behind_sees_the_count_as_the_other_left_it_neither_refilled_nor_spent() {
        Limit three = Limit.of(3, Duration.ofMinutes(30));
        Throttles behind = new Throttles(jdbc, transactions, java.time.Clock.offset(clock, Duration.ofHours(-1)), 200_000);
        Throttle onA = nodeA.of(run + ".skew", three);
        Throttle onBehind = behind.of(run + ".skew", three);
        onA.take("k");
        onA.take("k");
        assertThat(onBehind.spent("k")).as("two of three, not spent for the hour between the clocks").isFalse();
        assertThat(onBehind.tryTake("k")).isTrue();
        assertThat(onBehind.tryTake("k")).isFalse();
        // The other way, a clock ahead of the last writer's sees the time between as passed: no shared clock says
        // otherwise. Nodes kept in time by NTP differ by milliseconds; a test's clock by days.
    }

    @Test
    void tries_sent_together_from_many_threads_to_both_nodes_get_exactly_the_limit() throws Exception {
        Limit twenty = Limit.of(20, Duration.ofHours(1));
        Throttle onA = nodeA.of(run + ".together", twenty);
        Throttle onB = nodeB.of(run + ".together", twenty);
        long refusedBefore = retries.refused();
        List<Callable<Boolean>> tries = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            Throttle node = i % 2 == 0 ? onA : onB;
            tries.add(() -> node.tryTake("one-key"));
        }
        List<Boolean> answers = Together.run(8, tries);
        assertThat(answers.stream().filter(Boolean::booleanValue).count()).isEqualTo(20);
        assertThat(retries.refused()).as("no try refused as busy").isEqualTo(refusedBefore);
    }

    @Test
    void a_stranger_sending_ever_new_keys_grows_the_table_no_further_than_its_cap_and_full_buckets_go() {
        Throttle minute = nodeA.of(run + ".minute", Limit.of(3, Duration.ofMinutes(1)));
        Throttle hour = nodeA.of(run + ".hour", Limit.of(3, Duration.ofHours(1)));
        for (int i = 0; i < 1_500; i++) {
            minute.take("stranger-" + i);
            hour.take("stranger-" + i);
        }
        assertThat(rows(run + ".minute")).isEqualTo(1_500);
        clock.advance(Duration.ofMinutes(1));
        nodeA.purge();
        assertThat(rows(run + ".minute")).as("full again a minute later: gone").isZero();
        assertThat(rows(run + ".hour")).as("not full yet: kept").isEqualTo(1_500);

        Throttles capped = new Throttles(jdbc, transactions, clock, 1_000);
        capped.purge();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shared_throttle").query(Long.class).single()).isLessThanOrEqualTo(1_000);
    }

    /**
     * One key hammered from eight threads over both nodes, each failure its own unit of work that holds the row a
     * moment after counting (as a sign-in does until its commit): the writers queue on the row lock, nothing is
     * refused as busy. Logs the figures.
     */
    @Test
    void a_hot_key_hammered_from_both_nodes_queues_and_refuses_nothing() throws Exception {
        Limit generous = Limit.of(50, Duration.ofMinutes(15));
        Throttle onA = nodeA.of(run + ".hot", generous);
        Throttle onB = nodeB.of(run + ".hot", generous);
        long retriedBefore = retries.retried();
        long refusedBefore = retries.refused();
        List<Callable<Boolean>> failures = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Throttle node = i % 2 == 0 ? onA : onB;
            failures.add(() -> transactions.execute(status -> {
                boolean allowed = node.tryTake("10.0.0.1");
                node.take("carrier-nat");
                pause(1);
                return allowed;
            }));
        }
        long started = System.nanoTime();
        List<Boolean> answers = Together.run(8, failures);
        double millis = (System.nanoTime() - started) / 1e6;
        log.info("Hot key: {} units of work from 8 threads over 2 nodes in {} ms ({} ms each, {} a second); "
                        + "{} retried, {} refused as busy", failures.size(), Math.round(millis),
                "%.2f".formatted(millis / failures.size()), Math.round(failures.size() * 1000 / millis),
                retries.retried() - retriedBefore, retries.refused() - refusedBefore);
        assertThat(answers.stream().filter(Boolean::booleanValue).count()).isEqualTo(50);
        assertThat(retries.refused()).isEqualTo(refusedBefore);
    }

    private long rows(String purpose) {
        return jdbc.sql("SELECT COUNT(*) FROM shared_throttle WHERE purpose = ?").param(purpose).query(Long.class).single();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package id.dukcapil.portal.shared.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;

/**
 * Event listeners run again by whichever node runs the resubmission, only once their node must have stopped:
 * publications as a node leaves them (published, processing, resubmitted, failed) are written as rows, aged by the
 * database's clock, and two resubmitters run together on real threads, as two nodes' jobs whose lock was lost.
 */
@PortalTest
class StaleEventPublicationsTests {

    private static final Duration STALE_AFTER = Duration.ofMinutes(10);

    @Autowired FailedEventPublications failed;
    @Autowired JdbcClient jdbcClient;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired EventProbe probe;
    /** How each probe's node left it. */
    private final Map<String, String> left = new HashMap<>();

    @AfterEach
    void real_time_and_no_probes_left() {
        clock.reset();
        jdbc.update("DELETE FROM EVENT_PUBLICATION WHERE listener_id = ?", EventProbe.LISTENER_ID);
    }

    @Test
    void a_listener_unfinished_for_less_than_the_staleness_is_left_to_the_node_running_it() {
        String processing = publication("PROCESSING", Duration.ofMinutes(9), null);
        String queued = publication("PUBLISHED", Duration.ofSeconds(5), null);
        String resubmittedLately = publication("RESUBMITTED", Duration.ofHours(2), Duration.ofMinutes(1));
        // This node's clock (Spring Modulith's stamps) is 3 minutes ahead: ages are the database's all the same.
        clock.setInstant(Instant.now().plus(Duration.ofMinutes(3)));

        resubmitter().resubmit();

        assertThat(List.of(probe.runs(processing), probe.runs(queued), probe.runs(resubmittedLately)))
                .containsOnly(0);
        assertThat(status(processing)).isEqualTo("PROCESSING");
        assertThat(status(queued)).isEqualTo("PUBLISHED");
        assertThat(status(resubmittedLately)).isEqualTo("RESUBMITTED");
    }

    @Test
    void a_listener_its_node_left_unfinished_runs_again_once_even_with_two_resubmitters_at_once() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            keys.add(publication("PROCESSING", Duration.ofMinutes(11), null));
            keys.add(publication("PUBLISHED", Duration.ofMinutes(30), null));
            keys.add(publication("RESUBMITTED", Duration.ofHours(1), Duration.ofMinutes(11)));
            keys.add(publication("FAILED", Duration.ofSeconds(10), null));
        }
        // This node's clock is 3 minutes behind: the resubmissions it stamps do not look stale to the other node.
        clock.setInstant(Instant.now().minus(Duration.ofMinutes(3)));

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                FailedEventResubmission resubmitter = resubmitter();
                runs.add(nodes.submit(() -> {
                    together.await();
                    resubmitter.resubmit();
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            nodes.shutdown();
        }
        for (String key : keys) {
            assertThat(probe.runs(key)).as("runs of " + key + ", left " + left.get(key)).isEqualTo(1);
            assertThat(status(key)).as("a completed publication is gone").isNull();
        }

        // A later run finds nothing: a completed listener never runs again.
        resubmitter().resubmit();
        for (String key : keys) {
            assertThat(probe.runs(key)).as("runs of " + key + ", left " + left.get(key)).isEqualTo(1);
        }
    }

    private FailedEventResubmission resubmitter() {
        return new FailedEventResubmission(failed, jdbcClient, STALE_AFTER);
    }

    /** A publication of a probe event as a node left it, published (and resubmitted) this long ago. */
    private String publication(String status, Duration publishedAgo, @Nullable Duration resubmittedAgo) {
        String key = UUID.randomUUID().toString();
        left.put(key, status);
        jdbc.update("""
                INSERT INTO EVENT_PUBLICATION (id, listener_id, event_type, serialized_event, publication_date, status,
                    completion_attempts, last_resubmission_date)
                VALUES (?, ?, ?, ?, UTC_TIMESTAMP(6) - INTERVAL ? SECOND, ?, ?,
                    UTC_TIMESTAMP(6) - INTERVAL ? SECOND)""",
                UUID.randomUUID().toString(), EventProbe.LISTENER_ID, EventProbe.Probed.class.getName(),
                "{\"key\":\"" + key + "\"}", publishedAgo.toSeconds(), status, resubmittedAgo == null ? 0 : 1,
                resubmittedAgo == null ? null : resubmittedAgo.toSeconds());
        return key;
    }

    private @Nullable String status(String key) {
        return jdbc.query("SELECT status FROM EVENT_PUBLICATION WHERE serialized_event LIKE ?",
                rs -> rs.next() ? rs.getString(1) : null, "%" + key + "%");
    }
}

package id.dukcapil.portal.population.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.population.ImportState;
import java.sql.Timestamp;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Another node takes over an import whose node stopped beating, by the database's clock alone (issue 40): a node
 * whose own clock runs ahead never takes over an import that is running.
 */
@PortalTest
class ImportTakeoverTests {

    @Autowired ImportRunner runner;
    @Autowired ImportStore store;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    long id;

    @BeforeEach
    void anImportRunningOnAnotherNode() {
        id = store.start("32.04", "ekstrak.csv", "/srv/shared/ekstrak.csv", "admin", clock.instant(), "node-a");
    }

    @AfterEach
    void endIt() {
        store.finish(id, ImportState.CANCELLED, null, clock.instant());
        clock.reset();
    }

    @Test
    void a_node_whose_clock_runs_a_day_ahead_does_not_take_over_an_import_whose_node_beats() {
        clock.advance(Duration.ofDays(1));

        assertThat(runner.claimAbandoned()).doesNotContain(id);
        assertThat(node()).isEqualTo("node-a");
    }

    @Test
    void an_import_silent_for_longer_than_the_stale_time_by_the_databases_clock_is_taken_over_once() {
        Timestamp lastBeat = heartbeat();
        // Until the database's clock says node-a's beat is older than the stale time (issue 50: no fixed wait).
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.queryForObject(
                "SELECT heartbeat_at < UTC_TIMESTAMP(3) - INTERVAL 100000 MICROSECOND FROM population_import WHERE id = ?",
                Boolean.class, id));

        assertThat(store.claimAbandoned(id, "node-b", Duration.ofMillis(100))).isTrue();
        assertThat(heartbeat()).as("node-b's beat").isAfter(lastBeat);
        // A stale time a slow machine cannot outwait between these two lines: the fresh beat alone refuses node-c.
        assertThat(store.claimAbandoned(id, "node-c", Duration.ofSeconds(10))).as("its beat is fresh again").isFalse();
        assertThat(node()).isEqualTo("node-b");
    }

    private Timestamp heartbeat() {
        return jdbc.queryForObject("SELECT heartbeat_at FROM population_import WHERE id = ?", Timestamp.class, id);
    }

    private String node() {
        return jdbc.queryForObject("SELECT node FROM population_import WHERE id = ?", String.class, id);
    }
}

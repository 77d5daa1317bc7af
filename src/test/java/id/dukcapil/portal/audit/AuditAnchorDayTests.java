package id.dukcapil.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The daily anchor is made once a day, even when two nodes' runs of the day overlap (a lock that ran out). */
@PortalTest
class AuditAnchorDayTests {

    @Autowired AuditAnchors anchors;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @Test
    void two_runs_of_the_daily_anchor_on_the_same_day_anchor_once_and_the_next_day_anchors_again() throws Exception {
        // A day of its own, long after today: no other run of the anchor has anchored it.
        LocalDate day = TestDays.today(clock).plusYears(60).plusDays(ThreadLocalRandom.current().nextInt(20_000));
        long before = anchored();

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        List<Optional<AuditAnchor>> made = new ArrayList<>();
        try {
            List<Future<Optional<AuditAnchor>>> runs = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                runs.add(nodes.submit(() -> {
                    together.await();
                    return anchors.anchorOnce(day);
                }));
            }
            for (Future<Optional<AuditAnchor>> run : runs) {
                made.add(run.get());
            }
        } finally {
            nodes.shutdown();
        }
        assertThat(made.stream().filter(Optional::isPresent)).hasSize(1);
        assertThat(anchored()).isEqualTo(before + 1);

        assertThat(anchors.anchorOnce(day)).as("a later run of the day").isEmpty();
        assertThat(anchors.anchorOnce(day.plusDays(1))).as("the next day").isPresent();
        assertThat(anchored()).isEqualTo(before + 2);
    }

    private long anchored() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'audit.chain.anchored'", Long.class);
    }
}

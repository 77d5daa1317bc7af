package id.dukcapil.portal.shared.internal.db;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs again the event listeners that did not finish, once per cluster (ShedLock), on whichever node runs the job
 * (decisions 062 and 121):
 * <ul>
 * <li>a listener that failed (it threw, e.g. while the database was away) at once: it is not running anywhere;</li>
 * <li>a listener left unfinished (published, processing, or resubmitted and never done) for longer than
 * {@code portal.events.stale-after} since it was published or last resubmitted: the node that ran it must have
 * died, or the database lost its answer. It counts as failed, and runs again like one.</li>
 * </ul>
 * A listener still running on a live node is younger than that, and is left to it: no node republishes what is
 * outstanding at its start, which re-ran the listeners other nodes were running. Ages are taken by the database's
 * clock. Spring Modulith resubmits the failed publications; each is first claimed here by a compare on its row
 * (failed, and now no longer), because Modulith's own compare (not already resubmitted) passes again as soon as the
 * listener starts and marks itself processing: two runs of this job at once (a lock lost) would run it twice. A
 * completed publication's row is deleted ({@code completion-mode: delete}): it can never be claimed again.
 */
@Component
// Off in the tests, whose clock jumps days ahead and back: publications stamped in a past the test set would look stale.
@ConditionalOnProperty(name = "portal.events.resubmit-failed", havingValue = "true", matchIfMissing = true)
class FailedEventResubmission {

    private static final Logger log = LoggerFactory.getLogger(FailedEventResubmission.class);

    private final FailedEventPublications failed;
    private final JdbcClient jdbc;
    private final Duration staleAfter;

    FailedEventResubmission(FailedEventPublications failed, JdbcClient jdbc,
                            @Value("${portal.events.stale-after:PT10M}") Duration staleAfter) {
        this.failed = failed;
        this.jdbc = jdbc;
        this.staleAfter = staleAfter;
    }

    @Scheduled(fixedDelayString = "${portal.events.resubmit-interval:PT1M}",
            initialDelayString = "${portal.events.resubmit-interval:PT1M}")
    @SchedulerLock(name = "shared-failed-event-resubmission", lockAtMostFor = "PT5M",
            lockAtLeastFor = "${portal.events.resubmit-interval:PT1M}")
    void scheduledRun() {
        resubmit();
    }

    /** One run: the stale publications count as failed, then the failed ones run again, each claimed first. */
    void resubmit() {
        // Spring Modulith's own staleness check counts from the first publication, so a resubmitted listener would be
        // stale the moment it started; and it runs on every node, by each node's clock. This one counts from the
        // latest start, by the database's clock, in one statement.
        int stale = jdbc.sql("""
                UPDATE EVENT_PUBLICATION SET status = 'FAILED'
                WHERE completion_date IS NULL AND status IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
                    AND COALESCE(last_resubmission_date, publication_date)
                        < UTC_TIMESTAMP(6) + INTERVAL :offset SECOND - INTERVAL :micros MICROSECOND""")
                .param("offset", registryOffsetSeconds())
                .param("micros", staleAfter.toNanos() / 1_000)
                .update();
        if (stale > 0) {
            log.warn("{} event listener(s) unfinished for {}: their node stopped; they run again", stale, staleAfter);
        }
        failed.resubmit(ResubmissionOptions.defaults().withFilter(publication -> claim(publication.getIdentifier())));
    }

    /**
     * The database's clock in the registry's frame: Spring Modulith's JDBC registry writes its dates as
     * {@code java.sql.Timestamp}s, which the driver renders in the JVM's time zone (decision 159).
     */
    private static int registryOffsetSeconds() {
        return ZoneId.systemDefault().getRules().getOffset(Instant.now()).getTotalSeconds();
    }

    /**
     * Takes a failed publication out of the failed ones, as started now by the database's clock: only one claim of
     * it succeeds. Modulith then marks it resubmitted and runs its listener, which ends it completed (deleted) or
     * failed again; a claim whose node dies before that is stale after {@code stale-after}.
     */
    private boolean claim(UUID publication) {
        return jdbc.sql("""
                UPDATE EVENT_PUBLICATION SET status = 'PUBLISHED', last_resubmission_date = UTC_TIMESTAMP(6) + INTERVAL ? SECOND
                WHERE id = ? AND status = 'FAILED' AND completion_date IS NULL""")
                .params(registryOffsetSeconds(), publication.toString())
                .update() == 1;
    }
}

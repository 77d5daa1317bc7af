package id.dukcapil.portal.shared.internal.db;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs again the event listeners that failed, without waiting for a restart (issue 12). A listener that ran while
 * the database was away (a booking's ticket e-mail) failed; the registry could not even record that, so its
 * publication stays "in progress" until Spring Modulith's staleness check marks it failed
 * ({@code spring.modulith.events.staleness.*}, application.yaml), and this job resubmits it once the database is
 * back. Before, only the next restart republished it.
 */
@Component
// Off in the tests, whose clock jumps days ahead: every publication in flight at a jump would look stale.
@ConditionalOnProperty(name = "portal.events.resubmit-failed", havingValue = "true", matchIfMissing = true)
class FailedEventResubmission {

    private final FailedEventPublications failed;

    FailedEventResubmission(FailedEventPublications failed) {
        this.failed = failed;
    }

    @Scheduled(fixedDelayString = "${portal.events.resubmit-interval:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "shared-failed-event-resubmission", lockAtMostFor = "PT5M")
    void resubmitFailed() {
        failed.resubmit(ResubmissionOptions.defaults());
    }
}

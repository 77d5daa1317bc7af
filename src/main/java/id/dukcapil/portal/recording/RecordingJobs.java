package id.dukcapil.portal.recording;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * At night, the recording days a desk did not close are closed (at their closing time), once in the whole cluster:
 * the lock is held an hour, past the schedule of a node whose clock is a little off (decision 121); each visit is
 * closed with a compare on its state anyway, so a second run closes nothing twice.
 */
@Component
class RecordingJobs {

    static final String JOB = "recording-close-days";

    private final DayClosing closing;

    RecordingJobs(DayClosing closing) {
        this.closing = closing;
    }

    @Scheduled(cron = "0 20 0 * * *", zone = "Asia/Jakarta")
    @SchedulerLock(name = JOB, lockAtMostFor = "PT1H", lockAtLeastFor = "PT1H")
    void closeDaysLeftOpen() {
        closing.closeDaysLeftOpen("system:" + JOB);
    }
}

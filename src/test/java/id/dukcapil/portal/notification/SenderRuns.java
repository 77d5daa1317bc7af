package id.dukcapil.portal.notification;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The outbox sender's runs on this node, as its meter counts them: a test that asserts nothing more was sent waits for
 * the runs in which it could have been sent, instead of sleeping and hoping the machine was not stalled (issue 50).
 */
public class SenderRuns {

    private final Timer runs;

    public SenderRuns(MeterRegistry meters) {
        this.runs = meters.get("portal.outbox.sender.runs").timer();
    }

    /**
     * Returns once {@code runs} whole runs have begun and ended after this call (a run under way now ends first, and
     * is not counted: it may have claimed before the caller's last change).
     */
    public void awaitWhole(int runs) {
        long target = this.runs.count() + runs + 1;
        await().atMost(Duration.ofSeconds(30)).until(() -> this.runs.count() >= target);
    }
}

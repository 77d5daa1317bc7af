package id.dukcapil.portal.audit.internal;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The change feed's reads of the chain's head on this node, as its meter counts them: a test that asserts nothing was
 * told yet, or that needs the feed to have seen the chain as it is now, waits for the reads that would have told it,
 * instead of sleeping and hoping the machine was not stalled (issue 50).
 */
final class FeedReads {

    private final Timer reads;

    FeedReads(MeterRegistry meters) {
        this.reads = meters.get("portal.live.feed.reads").timer();
    }

    /**
     * Returns once {@code reads} whole reads have begun and ended after this call (a read under way now ends first,
     * and is not counted: it may have read the head before the caller's last change).
     */
    void awaitWhole(int reads) {
        long target = this.reads.count() + reads + 1;
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> this.reads.count() >= target);
    }
}

package id.dukcapil.portal.shared.internal.db;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A listener the event publication registry tracks like the portal's own (after the commit), counting how often it
 * ran for each event: what a ticket e-mail would be if it were not idempotent.
 */
@TestComponent
public class EventProbe {

    /** The listener's id in {@code EVENT_PUBLICATION.listener_id}. */
    static final String LISTENER_ID = "event-probe";

    public record Probed(String key) {
    }

    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

    @TransactionalEventListener(id = LISTENER_ID)
    public void on(Probed event) throws InterruptedException {
        runs.computeIfAbsent(event.key(), key -> new AtomicInteger()).incrementAndGet();
        // A listener takes a moment: two resubmitters overlap with it, as two nodes' jobs would.
        Thread.sleep(Duration.ofMillis(20));
    }

    int runs(String key) {
        AtomicInteger count = runs.get(key);
        return count == null ? 0 : count.get();
    }
}

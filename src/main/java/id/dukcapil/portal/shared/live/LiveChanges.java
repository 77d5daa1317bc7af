package id.dukcapil.portal.shared.live;

import java.util.List;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * This node's listeners to the office's changes (decision 139). The audit module tells it each batch of new chain
 * entries once, whoever's node made them; each listener hears the batch when one of its changes concerns it, on one
 * of a few threads of its own: a slow screen (its query, its client) holds up neither the feed nor the others.
 */
@Component
public class LiveChanges {

    private static final Logger log = LoggerFactory.getLogger(LiveChanges.class);
    /** Screens told at once: the database's pool is shared with the requests. */
    private static final int TELLERS = 4;

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService tellers = Executors.newFixedThreadPool(TELLERS, Thread.ofPlatform()
            .name("live-changes-", 1).daemon().factory());

    /** Until the returned handle is closed, {@code heard} is told whenever a batch holds a change it is about. */
    public Subscription listen(Predicate<Change> about, Runnable heard) {
        Listener listener = new Listener(about, heard);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Called by the change feed with each batch of changes, in the chain's order. */
    public void changed(List<Change> changes) {
        for (Listener listener : listeners) {
            if (changes.stream().anyMatch(listener.about())) {
                tellers.execute(() -> {
                    try {
                        listener.heard().run();
                    } catch (RuntimeException failure) {
                        log.warn("A listener to the office's changes failed: {}", failure.toString());
                    }
                });
            }
        }
    }

    @PreDestroy
    void stop() {
        tellers.shutdownNow();
    }

    /** A listener's place, given up by closing it. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private record Listener(Predicate<Change> about, Runnable heard) {
    }
}

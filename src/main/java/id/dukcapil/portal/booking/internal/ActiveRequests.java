package id.dukcapil.portal.booking.internal;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many citizens' API requests are worked on at once (decision 115). A request waiting for its day's batch
 * (decision 046) gives its place up while it waits: Tomcat's threads can then hold many waiting requests, which fill
 * the batches, while only a few requests at a time take the two cores the portal shares with its database.
 */
@Component
public class ActiveRequests {

    private final Semaphore places;
    /** Whether this thread holds a place: a booking made outside the API (a clerk, the BDS web) holds none. */
    private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);

    ActiveRequests(@Value("${portal.api.active-requests}") int places) {
        this.places = new Semaphore(places);
    }

    /** A place for the calling thread's request, once one is free; closing it gives it back. */
    public Place enter() {
        places.acquireUninterruptibly();
        holding.set(true);
        return () -> {
            holding.set(false);
            places.release();
        };
    }

    /** Waits without the caller's place, and takes a place again to go on. */
    <T> T whileWaiting(Supplier<T> waiting) {
        if (!holding.get()) {
            return waiting.get();
        }
        places.release();
        try {
            return waiting.get();
        } finally {
            places.acquireUninterruptibly();
        }
    }

    /** A request's place among the active ones. */
    @FunctionalInterface
    public interface Place extends AutoCloseable {
        @Override
        void close();
    }
}

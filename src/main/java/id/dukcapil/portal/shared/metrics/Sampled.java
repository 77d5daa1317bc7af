package id.dukcapil.portal.shared.metrics;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reading that a scrape's gauges share (decision 178): the first gauge of a scrape that asks reads it (one query for
 * all of a module's gauges), the others within {@code fresh} take the same. A reading that failed (the database away)
 * is empty, and the gauges say NaN rather than an old figure. Kept per node: each node's scrape is its own.
 */
public final class Sampled<T> {

    private static final Logger log = LoggerFactory.getLogger(Sampled.class);

    private final Supplier<T> read;
    private final long freshNanos;
    private @Nullable T value;
    private long readAt;
    private boolean taken;

    public Sampled(Supplier<T> read, Duration fresh) {
        this.read = read;
        this.freshNanos = fresh.toNanos();
    }

    /** The reading, taken again when the last is older than {@code fresh}; empty when it could not be taken. */
    public synchronized Optional<T> get() {
        long now = System.nanoTime();
        if (!taken || now - readAt > freshNanos) {
            taken = true;
            readAt = now;
            try {
                value = read.get();
            } catch (RuntimeException failed) {
                log.debug("A metrics reading failed: {}", failed.toString());
                value = null;
            }
        }
        return Optional.ofNullable(value);
    }
}

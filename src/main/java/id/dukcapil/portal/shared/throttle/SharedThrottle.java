package id.dukcapil.portal.shared.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A throttle counted in the database ({@link ThrottleStore}): every node reads and moves the same count, so five wrong
 * passwords lock on a cluster as on one node. A change joins the caller's transaction: it is kept or undone with the
 * caller's unit of work, and run again with it when the database rolls that back (decision 117), so a retried sign-in
 * counts once. Outside a transaction a change commits on its own.
 */
final class SharedThrottle implements Throttle {

    private final String purpose;
    private final Limit limit;
    private final ThrottleStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** Microseconds one event takes to come back; rounded down, so that exactly {@code events} fit in a burst. */
    private final long interval;
    private final long burst;

    SharedThrottle(String purpose, Limit limit, ThrottleStore store, TransactionTemplate transactions, Clock clock) {
        this.purpose = purpose;
        this.limit = limit;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.interval = Math.max(1, limit.period().toNanos() / 1_000 / limit.events());
        this.burst = interval * limit.events();
    }

    @Override
    public boolean tryTake(String key) {
        // Its write and its read-back in one transaction (the caller's, or one of its own): the answer is this call's.
        return Boolean.TRUE.equals(transactions.execute(status -> store.tryTake(purpose, key, now(), interval, burst)));
    }

    @Override
    public void take(String key) {
        store.take(purpose, key, now(), interval);
    }

    @Override
    public void giveBack(String key) {
        store.giveBack(purpose, key, interval);
    }

    @Override
    public boolean spent(String key) {
        long now = now();
        return store.tat(purpose, key, now).map(tat -> tat > now + burst - interval).orElse(false);
    }

    @Override
    public Duration untilNext(String key) {
        long now = now();
        long wait = store.tat(purpose, key, now).map(tat -> tat - (now + burst - interval)).orElse(0L);
        return wait <= 0 ? Duration.ZERO : Duration.ofNanos(Math.multiplyExact(wait, 1_000L));
    }

    @Override
    public void forgive(String key) {
        store.forgive(purpose, key);
    }

    @Override
    public String purpose() {
        return purpose;
    }

    @Override
    public Limit limit() {
        return limit;
    }

    private long now() {
        return micros(clock.instant());
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}

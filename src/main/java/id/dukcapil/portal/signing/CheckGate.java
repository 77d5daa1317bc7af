package id.dukcapil.portal.signing;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import id.dukcapil.portal.shared.RuleViolation;

/**
 * At most {@code permits} checks of uploaded files at once on this node; one more waits a little, then is told the
 * check is busy. A check is bounded in bytes and in time, but a crowd of them still takes the node's cores and heap
 * (issue 52 item 2). Per node on purpose: what it protects is this node's own processors and memory.
 */
final class CheckGate {

    private final int places;
    private final Semaphore permits;
    private final Duration wait;

    CheckGate(int permits, Duration wait) {
        this.places = permits;
        this.permits = new Semaphore(permits, true);
        this.wait = wait;
    }

    /** Checks running now. */
    int running() {
        return places - permits.availablePermits();
    }

    /** Checks waiting for a place now (an estimate, as the semaphore's queue is). */
    int waiting() {
        return permits.getQueueLength();
    }

    /** Runs the check when a place is free within the wait; refused with {@code signing.verify.busy} otherwise. */
    <T> T run(Supplier<T> check) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new RuleViolation("signing.verify.busy");
        }
        try {
            return check.get();
        } finally {
            permits.release();
        }
    }
}

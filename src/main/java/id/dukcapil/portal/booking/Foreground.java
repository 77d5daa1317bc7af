package id.dukcapil.portal.booking;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Work somebody is waiting for — a citizen's booking request, a clerk's scan — against work nobody is waiting
 * for (rendering and e-mailing ticket PDFs). Background work waits for a lull so that a burst of bookings keeps
 * both cores, but never longer than {@link #LONGEST_DELAY}: under steady load the tickets still go out.
 */
@Component
class Foreground {

    /** A lull: no foreground work for this long. */
    static final Duration LULL = Duration.ofMillis(300);
    static final Duration LONGEST_DELAY = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 50;

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong lastEndedNanos = new AtomicLong(System.nanoTime() - LULL.toNanos());

    <T> T run(Supplier<T> work) {
        running.incrementAndGet();
        try {
            return work.get();
        } finally {
            lastEndedNanos.set(System.nanoTime());
            running.decrementAndGet();
        }
    }

    /** Returns at the next lull, or after {@link #LONGEST_DELAY}. */
    void awaitLull() throws InterruptedException {
        long giveUp = System.nanoTime() + LONGEST_DELAY.toNanos();
        while (busy() && System.nanoTime() < giveUp) {
            Thread.sleep(POLL_MILLIS);
        }
    }

    boolean busy() {
        return running.get() > 0 || System.nanoTime() - lastEndedNanos.get() < LULL.toNanos();
    }
}

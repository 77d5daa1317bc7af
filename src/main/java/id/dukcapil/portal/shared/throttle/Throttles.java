package id.dukcapil.portal.shared.throttle;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Where throttles come from: {@code throttles.of("booking.sign-in.address", Limit.of(50, Duration.ofMinutes(15)))}
 * gives the throttle of that purpose, the same instance to every caller (the purpose names what is counted; give
 * each its own). Time is the injected clock's, so a test can move past a limit.
 *
 * <p>The counts live in this node's memory (decision 065): a restart forgets them and each node of a cluster
 * counts on its own, so a limit is per node. Durable limits (an OTP's five tries) stay in the database.
 */
@Component
public class Throttles {

    /** Keys kept per throttle at most. */
    public static final int MAX_KEYS = 100_000;

    private final ConcurrentHashMap<String, Throttle> throttles = new ConcurrentHashMap<>();
    private final TimeMeter time;

    public Throttles(Clock clock) {
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** The throttle of this purpose; one purpose has one limit (asked with another, it refuses). */
    public Throttle of(String purpose, Limit limit) {
        Throttle throttle = throttles.computeIfAbsent(purpose, name -> new Throttle(name, limit, time));
        if (!throttle.limit().equals(limit)) {
            throw new IllegalStateException("Throttle " + purpose + " is already " + throttle.limit());
        }
        return throttle;
    }
}

package id.dukcapil.portal.shared.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * One limit counted per key (an account, an e-mail address, a client address), each key in its own token bucket.
 * Thread-safe. Keys idle for a whole period are forgotten (their bucket would be full again anyway), and at most
 * {@link Throttles#MAX_KEYS} are kept, the least recently used going first: memory stays bounded whatever a
 * stranger sends.
 *
 * <p>Two ways to use it: {@link #tryTake} for what is limited however it turns out (e-mails sent, requests made);
 * {@link #spent} before and {@link #take} after for what only counts when it fails (wrong passwords).
 */
public final class Throttle {

    private final String purpose;
    private final Limit limit;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    Throttle(String purpose, Limit limit, TimeMeter time) {
        this.purpose = purpose;
        this.limit = limit;
        this.time = time;
        this.buckets = Caffeine.newBuilder().maximumSize(Throttles.MAX_KEYS).expireAfterAccess(limit.period()).build();
    }

    /** Counts one event for the key if the limit allows it; false (and nothing counted) when it does not. */
    public boolean tryTake(String key) {
        return bucket(key).tryConsume(1);
    }

    /** Counts one event for the key even beyond the limit (a failure that has already happened). */
    public void take(String key) {
        bucket(key).consumeIgnoringRateLimits(1);
    }

    /** Whether the key has no event left now; counts nothing. */
    public boolean spent(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        return bucket != null && bucket.getAvailableTokens() < 1;
    }

    /** Starts the key afresh (a correct password after a few wrong ones). */
    public void forgive(String key) {
        buckets.invalidate(key);
    }

    public String purpose() {
        return purpose;
    }

    public Limit limit() {
        return limit;
    }

    private Bucket bucket(String key) {
        return buckets.get(key, ignored -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.events()).refillGreedy(limit.events(), limit.period()))
                .withCustomTimePrecision(time)
                .build());
    }
}

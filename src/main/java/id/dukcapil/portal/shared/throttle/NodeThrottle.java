package id.dukcapil.portal.shared.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * A throttle counted in this node's memory (decision 065): Bucket4j local buckets in a Caffeine map, keys idle for a
 * whole period dropped, at most {@link Throttles#MAX_KEYS} kept. A restart forgets it and each node counts on its own:
 * only for limits that guard no secret (decision 122).
 */
final class NodeThrottle implements Throttle {

    private final String purpose;
    private final Limit limit;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    NodeThrottle(String purpose, Limit limit, TimeMeter time) {
        this.purpose = purpose;
        this.limit = limit;
        this.time = time;
        this.buckets = Caffeine.newBuilder().maximumSize(Throttles.MAX_KEYS).expireAfterAccess(limit.period()).build();
    }

    @Override
    public boolean tryTake(String key) {
        return bucket(key).tryConsume(1);
    }

    @Override
    public void take(String key) {
        bucket(key).consumeIgnoringRateLimits(1);
    }

    @Override
    public void giveBack(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    @Override
    public boolean spent(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        return bucket != null && bucket.getAvailableTokens() < 1;
    }

    @Override
    public Duration untilNext(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        return bucket == null ? Duration.ZERO
                : Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    @Override
    public void forgive(String key) {
        buckets.invalidate(key);
    }

    @Override
    public String purpose() {
        return purpose;
    }

    @Override
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

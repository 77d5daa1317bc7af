package id.dukcapil.portal.staff.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The lockout rule of an account ({@link StaffAccountEntity#signInFailed}) applied to names that have none: after the
 * same number of failures a stranger reads "locked" for the same time, so the answer never tells whether a username
 * exists. A failure while locked changes nothing, as for an account.
 *
 * <p>Kept in this node's memory, bounded: a name with no account has no row to count in, and a restart or another
 * node only forgets a stranger's count. With several nodes a stranger could tell a real account by its lock
 * following it from node to node; a shared table of every name ever tried would be the price of closing that.
 */
@Component
class UnknownNameLockout {

    private static final int MAX_NAMES = 100_000;

    private final int maxFailures;
    private final Duration lockout;
    private final Cache<String, Count> counts;

    UnknownNameLockout(@Value("${portal.security.max-failed-sign-ins:5}") int maxFailures,
                       @Value("${portal.security.lockout:15m}") Duration lockout) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.counts = Caffeine.newBuilder().maximumSize(MAX_NAMES).expireAfterAccess(Duration.ofDays(1)).build();
    }

    boolean lockedAt(String name, Instant now) {
        Count count = counts.getIfPresent(name);
        return count != null && count.lockedAt(now);
    }

    void failed(String name, Instant now) {
        counts.asMap().compute(name, (key, count) -> {
            if (count != null && count.lockedAt(now)) {
                return count;
            }
            int failures = (count == null ? 0 : count.failures()) + 1;
            return failures >= maxFailures ? new Count(0, now.plus(lockout)) : new Count(failures, null);
        });
    }

    private record Count(int failures, @Nullable Instant lockedUntil) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }
}

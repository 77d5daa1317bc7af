package id.dukcapil.portal.staff.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import id.dukcapil.portal.shared.Sha256;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The lockout rule of an account ({@link SignInTries#reserveSignInTry}) applied to names that have none: after the
 * same number of failures a stranger reads "locked" for the same time, so the answer never tells whether a username
 * exists. A failure while locked changes nothing, as for an account.
 *
 * <p>Counted in {@code staff_unknown_name}, one count for every node (decision 122): a lock kept in one node's memory
 * followed a real account from node to node but not a made-up name, which told the two apart. Bounded: a name is kept
 * by its SHA-256 only, a row idle for a day and not locked is deleted, and beyond {@link #MAX_NAMES} the longest idle
 * go first, as the memory's least recently used did.
 */
@Component
class UnknownNameLockout {

    static final int MAX_NAMES = 100_000;
    private static final Duration KEPT = Duration.ofDays(1);
    private static final int PURGE_BATCH = 1_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    UnknownNameLockout(JdbcClient jdbc, Clock clock,
                       @Value("${portal.security.max-failed-sign-ins:5}") int maxFailures,
                       @Value("${portal.security.lockout:15m}") Duration lockout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    boolean lockedAt(String name, Instant now) {
        return jdbc.sql("SELECT locked_until > ? FROM staff_unknown_name WHERE name_hash = ?")
                .params(utc(now), Sha256.hex(name)).query(Boolean.class).optional().orElse(false);
    }

    /**
     * Reserves a sign-in try for the name before any password is checked, as {@link SignInTries#reserveSignInTry}
     * does for an account, by the same rule: the try that reaches the limit locks the name, a try while locked changes
     * nothing. Each statement commits alone (no caller's transaction) and moves one row: a name's first try inserts
     * it, a later one counts in one conditional statement, the last before the lock in a second. Two nodes' tries
     * queue on the row lock, and each sees the other's.
     */
    SignInTry reserve(String name, Instant now) {
        String hash = Sha256.hex(name);
        LocalDateTime at = utc(now);
        LocalDateTime until = utc(now.plus(lockout));
        boolean first = maxFailures <= 1;
        if (jdbc.sql("""
                INSERT IGNORE INTO staff_unknown_name (name_hash, failures, locked_until, failed_at)
                VALUES (?, ?, ?, ?)""").params(hash, first ? 0 : 1, first ? until : null, at).update() == 1) {
            return first ? SignInTry.LAST_CHECK : SignInTry.CHECK;
        }
        if (jdbc.sql("""
                UPDATE staff_unknown_name SET failures = failures + 1, failed_at = ?
                WHERE name_hash = ? AND (locked_until IS NULL OR locked_until <= ?) AND failures + 1 < ?""")
                .params(at, hash, at, maxFailures).update() == 1) {
            return SignInTry.CHECK;
        }
        return jdbc.sql("""
                UPDATE staff_unknown_name SET failures = 0, locked_until = ?, failed_at = ?
                WHERE name_hash = ? AND (locked_until IS NULL OR locked_until <= ?) AND failures + 1 >= ?""")
                .params(until, at, hash, at, maxFailures).update() == 1 ? SignInTry.LAST_CHECK : SignInTry.LOCKED;
    }

    /** Runs {@link #purge()} once per cluster per period (decision 121). */
    @Scheduled(fixedDelayString = "${portal.throttle.purge-interval:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "staff-unknown-name-purge", lockAtMostFor = "PT10M",
            lockAtLeastFor = "${portal.throttle.purge-interval:PT1M}")
    void scheduledPurge() {
        purge();
    }

    /**
     * Deletes the names idle for a day and not locked, then the longest idle beyond {@link #MAX_NAMES}. Once per
     * cluster per period (decision 121): idempotent, but two nodes deleting the same rows would only collide.
     *
     * @return the rows deleted
     */
    int purge() {
        Instant now = clock.instant();
        int deleted = 0;
        for (int batch; (batch = jdbc.sql("""
                DELETE FROM staff_unknown_name WHERE failed_at < ? AND (locked_until IS NULL OR locked_until <= ?)
                LIMIT ?""").params(utc(now.minus(KEPT)), utc(now), PURGE_BATCH).update()) > 0; ) {
            deleted += batch;
        }
        long over = jdbc.sql("SELECT COUNT(*) FROM staff_unknown_name").query(Long.class).single() - MAX_NAMES;
        while (over > 0) {
            int batch = jdbc.sql("DELETE FROM staff_unknown_name ORDER BY failed_at LIMIT ?")
                    .param((int) Math.min(over, PURGE_BATCH)).update();
            if (batch == 0) {
                break;
            }
            deleted += batch;
            over -= batch;
        }
        return deleted;
    }
}

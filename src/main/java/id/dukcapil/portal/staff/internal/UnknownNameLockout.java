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
 * The lockout rule of an account ({@link StaffAccountEntity#signInFailed}) applied to names that have none: after the
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
     * One failure, in one statement on the name's row (the caller's transaction's, else its own): two nodes' failures
     * queue on the row lock, and each sees the other's. The count reaching the limit locks the name and starts again
     * from nought, as an account's does.
     */
    void failed(String name, Instant now) {
        LocalDateTime at = utc(now);
        LocalDateTime until = utc(now.plus(lockout));
        boolean first = maxFailures <= 1;
        // The locked_until assignment comes first; failures reads the same whether MariaDB assigns in order or at once
        // (SIMULTANEOUS_ASSIGNMENT): locked (before or now) resets it, otherwise it counts one more.
        jdbc.sql("""
                INSERT INTO staff_unknown_name (name_hash, failures, locked_until, failed_at)
                VALUES (:name, :firstFailures, :firstLock, :at)
                ON DUPLICATE KEY UPDATE
                    locked_until = IF(locked_until > :at, locked_until, IF(failures + 1 >= :max, :until, NULL)),
                    failures = IF(failures + 1 >= :max OR locked_until > :at, 0, failures + 1),
                    failed_at = :at""")
                .param("name", Sha256.hex(name)).param("firstFailures", first ? 0 : 1)
                .param("firstLock", first ? until : null)
                .param("at", at).param("max", maxFailures).param("until", until).update();
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

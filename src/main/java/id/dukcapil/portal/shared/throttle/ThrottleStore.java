package id.dukcapil.portal.shared.throttle;

import id.dukcapil.portal.shared.Sha256;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared throttles' counts ({@code shared_throttle}), one row per key whose bucket is not full: its theoretical
 * arrival time (GCRA), the time at which the bucket is full again. An event moves it on by one interval
 * (period / events); the key has an event left while it is at most {@code burst - interval} ahead of now. Each change
 * is one statement on one row (a try also reads its answer back), so it joins the caller's transaction or commits
 * alone, and two nodes' changes queue on the row lock. Keys are stored as their SHA-256: the table holds no address
 * anyone typed.
 */
final class ThrottleStore {

    /**
     * The arrival time as seen from {@code :now}: a clock behind the last writer's (another node's, a test's set back)
     * sees the bucket as that writer left it, neither refilled nor spent by the difference.
     */
    private static final String EFFECTIVE_TAT = "(tat - GREATEST(changed_at - :now, 0))";

    private final JdbcClient jdbc;

    ThrottleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts one event if the key has one left. Two statements: the caller runs them in one transaction, so that the
     * flag read back is the one this call wrote (the row stays locked in between).
     */
    boolean tryTake(String purpose, String key, long now, long interval, long burst) {
        String hash = Sha256.hex(key);
        // Assigned in this order: each expression reads the columns before this statement, assigned in order or at once.
        jdbc.sql("""
                INSERT INTO shared_throttle (purpose, key_hash, tat, changed_at, allowed)
                VALUES (:purpose, :key, :now + :interval, :now, TRUE)
                ON DUPLICATE KEY UPDATE
                    allowed = GREATEST(%1$s, :now) + :interval <= :now + :burst,
                    tat = IF(GREATEST(%1$s, :now) + :interval <= :now + :burst, GREATEST(%1$s, :now) + :interval, %1$s),
                    changed_at = :now""".formatted(EFFECTIVE_TAT))
                .param("purpose", purpose).param("key", hash).param("now", now).param("interval", interval)
                .param("burst", burst).update();
        return jdbc.sql("SELECT allowed FROM shared_throttle WHERE purpose = ? AND key_hash = ?")
                .params(purpose, hash).query(Boolean.class).single();
    }

    /** Counts one event whatever the limit says (a failure that has happened). */
    void take(String purpose, String key, long now, long interval) {
        jdbc.sql("""
                INSERT INTO shared_throttle (purpose, key_hash, tat, changed_at, allowed)
                VALUES (:purpose, :key, :now + :interval, :now, TRUE)
                ON DUPLICATE KEY UPDATE tat = GREATEST(%s, :now) + :interval, changed_at = :now""".formatted(EFFECTIVE_TAT))
                .param("purpose", purpose).param("key", Sha256.hex(key)).param("now", now).param("interval", interval)
                .update();
    }

    /** Gives one event back (one taken for a try that turned out not to count). */
    void giveBack(String purpose, String key, long interval) {
        jdbc.sql("UPDATE shared_throttle SET tat = tat - ? WHERE purpose = ? AND key_hash = ?")
                .params(interval, purpose, Sha256.hex(key)).update();
    }

    /** The key's theoretical arrival time now, if it has a row. A plain read: it counts nothing and locks nothing. */
    Optional<Long> tat(String purpose, String key, long now) {
        return jdbc.sql("SELECT %s FROM shared_throttle WHERE purpose = :purpose AND key_hash = :key".formatted(EFFECTIVE_TAT))
                .param("purpose", purpose).param("key", Sha256.hex(key)).param("now", now).query(Long.class).optional();
    }

    void forgive(String purpose, String key) {
        jdbc.sql("DELETE FROM shared_throttle WHERE purpose = ? AND key_hash = ?").params(purpose, Sha256.hex(key))
                .update();
    }

    /** Deletes up to {@code batch} rows whose bucket is full again (a missing row reads the same). */
    int deleteFull(long now, int batch) {
        return jdbc.sql("DELETE FROM shared_throttle WHERE tat <= ? LIMIT ?").params(now, batch).update();
    }

    /** Deletes up to {@code batch} of the rows nearest to full: they lose the least when the table is over its cap. */
    int deleteNearestToFull(int batch) {
        return jdbc.sql("DELETE FROM shared_throttle ORDER BY tat LIMIT ?").param(batch).update();
    }

    long rows() {
        return jdbc.sql("SELECT COUNT(*) FROM shared_throttle").query(Long.class).single();
    }
}

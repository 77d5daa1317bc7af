package id.dukcapil.portal.signing.internal;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which node runs a signing batch, for how long yet ({@code signing_batch.runner}, {@code lease_until}): the running
 * node renews its lease while it signs, and another node takes the batch over only once the lease has run out (the
 * node died). Times are the database's own, so that two nodes' clocks never disagree about a lease.
 */
@Component
public class BatchLeases {

    private final JdbcClient jdbc;

    BatchLeases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when {@code runner} now holds the unfinished batch: it was free, its lease had run out, or it was ours. */
    public boolean claim(long batchId, String runner, Duration lease) {
        return jdbc.sql("""
                        UPDATE signing_batch SET runner = ?, lease_until = UTC_TIMESTAMP(3) + INTERVAL ? MICROSECOND
                        WHERE id = ? AND finished_at IS NULL
                          AND (lease_until IS NULL OR lease_until < UTC_TIMESTAMP(3) OR runner = ?)""")
                .params(runner, micros(lease), batchId, runner).update() == 1;
    }

    /**
     * Takes the unfinished batch whatever its lease: for a node alone on its embedded database, where any other
     * runner was this node before a crash.
     */
    public boolean takeOver(long batchId, String runner, Duration lease) {
        return jdbc.sql("""
                        UPDATE signing_batch SET runner = ?, lease_until = UTC_TIMESTAMP(3) + INTERVAL ? MICROSECOND
                        WHERE id = ? AND finished_at IS NULL""")
                .params(runner, micros(lease), batchId).update() == 1;
    }

    /** Extends the lease; false when another node has taken the batch over meanwhile (this node seemed dead). */
    public boolean renew(long batchId, String runner, Duration lease) {
        return jdbc.sql("""
                        UPDATE signing_batch SET lease_until = UTC_TIMESTAMP(3) + INTERVAL ? MICROSECOND
                        WHERE id = ? AND runner = ?""")
                .params(micros(lease), batchId, runner).update() == 1;
    }

    /** The batch stopped or finished here: free at once for any node. */
    public void release(long batchId, String runner) {
        jdbc.sql("UPDATE signing_batch SET runner = NULL, lease_until = NULL WHERE id = ? AND runner = ?")
                .params(batchId, runner).update();
    }

    private static long micros(Duration lease) {
        return lease.toNanos() / 1_000;
    }
}

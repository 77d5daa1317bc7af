package id.dukcapil.portal.audit.internal;

import id.dukcapil.portal.shared.live.Change;
import id.dukcapil.portal.shared.live.LiveChanges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The office's changes, from every node, for the screens that show them (decision 139). Every action is appended to
 * the audit chain in its own transaction, one after the other, without gaps: the chain's head is a change counter
 * the whole cluster shares, and no write path has to tell anyone. One thread per node reads the head every {@code
 * portal.live.read-every}: a primary-key read of one row, the whole of the idle cost however many screens are open;
 * when it moved, the new entries are read once and handed to this node's listeners.
 */
@Component
class ChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    /** Entries read at most per turn: a long catch-up (the demo's fill) is read in steps. */
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final LiveChanges live;
    private final Duration every;
    /**
     * Each read of the head on this node that reached the database: an operator sees the feed alive (a count that stops
     * while the node runs is a feed that cannot read) and what its idle cost is, and a test waits for reads to have
     * happened instead of sleeping (issue 50).
     */
    private final Timer reads;
    private @Nullable ScheduledExecutorService reader;
    /** The last entry handed on; -1 before the first read. Touched by the reader thread only. */
    private long seen = -1;
    private boolean failing;

    ChangeFeed(JdbcTemplate jdbc, LiveChanges live, @Value("${portal.live.read-every:PT0.25S}") Duration every,
               MeterRegistry meters) {
        this.reads = Timer.builder("portal.live.feed.reads")
                .description("Reads of the audit chain's head by this node's change feed").register(meters);
        this.jdbc = jdbc;
        this.live = live;
        this.every = every;
    }

    void read() {
        long started = System.nanoTime();
        try {
            Long head = jdbc.queryForObject("SELECT last_seq FROM audit_chain_head WHERE id = 1", Long.class);
            failing = false;
            handOn(head);
            reads.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        } catch (RuntimeException failure) { // the database away, or anything: a task that throws never runs again
            if (!failing) {
                log.warn("The office's changes cannot be read for now; screens keep their last state: {}",
                        failure.toString());
                failing = true;
            }
        }
    }

    /** The entries after the last one handed on, up to the head, to this node's screens. */
    private void handOn(@Nullable Long head) {
        if (head == null || head == seen) {
            return;
        }
        if (seen < 0 || head < seen) {
            // Before this node's first read, what was done is on the screens already; a chain shorter than
            // what was read is a database restored from a backup: its changes are counted from its head on.
            seen = head;
            return;
        }
        List<Change> changes = jdbc.query("""
                SELECT action, subject_type, subject_id, service_point FROM audit_entry
                WHERE seq > ? AND seq <= ? ORDER BY seq""",
                (row, n) -> new Change(row.getString(1), row.getString(2), row.getString(3), row.getString(4)),
                seen, Math.min(head, seen + BATCH));
        seen = Math.min(head, seen + BATCH);
        live.changed(changes);
    }

    @Override
    public synchronized void start() {
        reader = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "change-feed");
            thread.setDaemon(true);
            return thread;
        });
        reader.scheduleWithFixedDelay(this::read, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (reader != null) {
            reader.shutdownNow();
            reader = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return reader != null;
    }
}

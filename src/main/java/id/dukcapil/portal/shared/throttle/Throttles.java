package id.dukcapil.portal.shared.throttle;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where throttles come from: {@code throttles.of("booking.sign-in.address", Limit.of(5, Duration.ofMinutes(15)))}
 * gives the throttle of that purpose, the same instance to every caller (the purpose names what is counted; give
 * each its own). Time is the injected clock's, so a test can move past a limit.
 *
 * <p>{@link #of} counts in the database, one count for all the nodes of a cluster (decision 122): for every limit that
 * guards a secret (passwords, codes, a family card's number) or a stranger's reach (e-mails). {@link #perNode} counts
 * in this node's memory (decision 065), each node on its own and forgotten at a restart: only where n nodes allowing
 * n times the limit harms nobody, and say why at the call.
 */
@Component
public class Throttles {

    /** Keys kept per throttle at most in a node's memory. */
    public static final int MAX_KEYS = 100_000;
    /** Rows deleted per statement when purging: short statements, short locks. */
    private static final int PURGE_BATCH = 1_000;

    private static final Logger log = LoggerFactory.getLogger(Throttles.class);

    private final ConcurrentHashMap<String, Throttle> throttles = new ConcurrentHashMap<>();
    private final ThrottleStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final TimeMeter time;
    private final long maxRows;

    /** One per node; a test makes a second one on the same database to play a second node. */
    @Autowired
    public Throttles(JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
                     @Value("${portal.throttle.max-keys:200000}") long maxRows) {
        this.store = new ThrottleStore(jdbc);
        this.transactions = transactions;
        this.clock = clock;
        this.maxRows = maxRows;
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

    /** The throttle of this purpose, counted in the database; one purpose has one limit (asked with another, it refuses). */
    public Throttle of(String purpose, Limit limit) {
        return checked(throttles.computeIfAbsent(purpose, name -> new SharedThrottle(name, limit, store, transactions, clock)),
                SharedThrottle.class, limit);
    }

    /** The throttle of this purpose, counted in this node's memory only: see the class comment for when. */
    public Throttle perNode(String purpose, Limit limit) {
        return checked(throttles.computeIfAbsent(purpose, name -> new NodeThrottle(name, limit, time)),
                NodeThrottle.class, limit);
    }

    /** Runs {@link #purge()} once per cluster per period (decision 121). */
    @Scheduled(fixedDelayString = "${portal.throttle.purge-interval:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "shared-throttle-purge", lockAtMostFor = "PT10M",
            lockAtLeastFor = "${portal.throttle.purge-interval:PT1M}")
    public void scheduledPurge() {
        purge();
    }

    /**
     * Deletes the rows whose bucket is full again (a missing row reads the same), then, over {@code max-keys}, the rows
     * nearest to full: a stranger sending ever new names fills the table no further. Once per cluster per period
     * (decision 121): idempotent, but two nodes deleting the same rows would only collide.
     *
     * @return the rows deleted
     */
    public int purge() {
        long now = SharedThrottle.micros(clock.instant());
        int deleted = 0;
        for (int batch; (batch = store.deleteFull(now, PURGE_BATCH)) > 0; ) {
            deleted += batch;
        }
        long over = store.rows() - maxRows;
        if (over > 0) {
            log.warn("{} throttled keys over the cap of {}: the nearest to full are forgotten", over, maxRows);
        }
        while (over > 0) {
            int batch = store.deleteNearestToFull((int) Math.min(over, PURGE_BATCH));
            if (batch == 0) {
                break;
            }
            deleted += batch;
            over -= batch;
        }
        return deleted;
    }

    private Throttle checked(Throttle throttle, Class<? extends Throttle> kind, Limit limit) {
        if (!kind.isInstance(throttle) || !throttle.limit().equals(limit)) {
            throw new IllegalStateException("Throttle " + throttle.purpose() + " is already " + throttle.limit()
                    + (kind.isInstance(throttle) ? "" : ", counted elsewhere"));
        }
        return throttle;
    }
}

package id.dukcapil.portal.audit.internal;

import id.dukcapil.portal.audit.PersonalDataAccess;
import id.dukcapil.portal.shared.tx.RetryingTransactionTemplate;
import id.dukcapil.portal.shared.tx.WriteRetries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Writes the personal-data access log in batches (decision 129): a desk's view only puts its rows in a bounded queue,
 * which one thread of this node writes every {@link #INTERVAL}, or at once when {@link #BATCH} rows wait, in a
 * transaction of its own. The queue is the only thing this node keeps for itself, and only for a second: a node that
 * stops writes it out first; a node killed loses at most that second's views (downloads are written before the file
 * goes, {@link #write}). A full queue makes the viewer write it out itself: slower, never lost.
 */
@Component
public class PersonalDataViewBuffer implements SmartLifecycle {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final int BATCH = 500;
    static final int CAPACITY = 20_000;
    private static final Logger log = LoggerFactory.getLogger(PersonalDataViewBuffer.class);

    private final BlockingQueue<PersonalDataAccess> queue = new ArrayBlockingQueue<>(CAPACITY);
    /** One writer at a time, so that a batch that failed is written again before the ones after it. */
    private final ReentrantLock writing = new ReentrantLock();
    /** A batch whose write failed, written first next time (guarded by {@link #writing}). */
    private final List<PersonalDataAccess> failed = new ArrayList<>();
    private final PersonalDataViewStore store;
    private final RetryingTransactionTemplate ownTransaction;
    private volatile @Nullable ScheduledExecutorService flusher;

    PersonalDataViewBuffer(PersonalDataViewStore store, PlatformTransactionManager transactions, WriteRetries retries) {
        this.store = store;
        this.ownTransaction = new RetryingTransactionTemplate(transactions, retries);
        // Never in the caller's transaction: a view that rolls back was still a view.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Queues the rows; written within a second. Before the start and after the stop, written at once. */
    public void add(List<PersonalDataAccess> rows) {
        ScheduledExecutorService running = flusher;
        if (running == null) {
            write(rows);
            return;
        }
        for (PersonalDataAccess row : rows) {
            while (!queue.offer(row)) {
                flush();
            }
        }
        if (queue.size() >= BATCH) {
            running.execute(this::flushOrLog);
        }
    }

    /** Writes the rows now, in a transaction of their own: the caller goes on only once they are stored. */
    public void write(List<PersonalDataAccess> rows) {
        ownTransaction.executeWithoutResult(status -> store.append(rows));
    }

    /** Writes every queued row now. */
    public void flush() {
        writing.lock();
        try {
            if (!failed.isEmpty()) {
                write(failed);
                failed.clear();
            }
            List<PersonalDataAccess> batch = new ArrayList<>(BATCH);
            while (queue.drainTo(batch, BATCH) > 0) {
                try {
                    write(batch);
                } catch (RuntimeException e) {
                    failed.addAll(batch);
                    throw e;
                }
                batch.clear();
            }
        } finally {
            writing.unlock();
        }
    }

    private void flushOrLog() {
        try {
            flush();
        } catch (RuntimeException e) {
            // Kept in memory and written at the next turn; the desk goes on.
            log.warn("Personal-data views not written yet ({} waiting): {}", queue.size() + failed.size(), e.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("personal-data-views").daemon().factory());
        executor.scheduleWithFixedDelay(this::flushOrLog, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        flusher = executor;
    }

    /** Stops the timer and writes what waits: a node shut down keeps no view to itself. */
    @Override
    public void stop() {
        ScheduledExecutorService executor = flusher;
        flusher = null;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }

    @Override
    public boolean isRunning() {
        return flusher != null;
    }

    /** Stops after the web server (which stops in a higher phase), so the last views of its requests are written. */
    @Override
    public int getPhase() {
        return 0;
    }
}

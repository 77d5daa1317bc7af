package id.dukcapil.portal.booking.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Work items with the same key done together, in batches, on the executor given. A submitted item joins its
 * key's queue; if no batch of that key is under way, a task takes up to {@code maxBatch} items of the queue and does
 * them, and while items remain another task follows, behind the other keys' tasks. The items arriving while a batch is
 * done form the next one. The submitter returns at once and may wait for its item's own completion signal, which
 * the batch work gives as soon as its batch is done (decision 116).
 *
 * <p>The batch work must finish every item it is given (complete it or fail it) and must not throw: the combiner
 * only groups.
 *
 * @param <K> what items share (the counter row they take from)
 * @param <T> an item, carrying its own completion signal
 */
public final class Combiner<K, T> {

    private final int maxBatch;
    private final Consumer<List<T>> batchWork;
    private final Executor executor;
    private final ConcurrentHashMap<K, Lane<T>> lanes = new ConcurrentHashMap<>();

    public Combiner(int maxBatch, Consumer<List<T>> batchWork, Executor executor) {
        this.maxBatch = maxBatch;
        this.batchWork = batchWork;
        this.executor = executor;
    }

    /** Queues the item; a batch of its key is then under way or about to be. */
    public void submit(K key, T item) {
        Lane<T> lane = lanes.computeIfAbsent(key, ignored -> new Lane<>());
        lane.queue.add(item);
        startIfIdle(lane);
    }

    private void startIfIdle(Lane<T> lane) {
        if (!lane.queue.isEmpty() && lane.busy.compareAndSet(false, true)) {
            try {
                executor.execute(() -> doBatch(lane));
            } catch (RejectedExecutionException shuttingDown) {
                lane.busy.set(false);
                throw shuttingDown;
            }
        }
    }

    private void doBatch(Lane<T> lane) {
        try {
            List<T> batch = lane.take(maxBatch);
            if (!batch.isEmpty()) {
                batchWork.accept(batch);
            }
        } finally {
            lane.busy.set(false);
            // Re-checked after letting go: an item queued meanwhile is never left behind, even if the work failed.
            startIfIdle(lane);
        }
    }

    private static final class Lane<T> {

        final Queue<T> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean busy = new AtomicBoolean();

        List<T> take(int max) {
            List<T> batch = new ArrayList<>();
            T item;
            while (batch.size() < max && (item = queue.poll()) != null) {
                batch.add(item);
            }
            return batch;
        }
    }
}

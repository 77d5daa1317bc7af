package id.dukcapil.portal.booking.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Flat combining: work items with the same key are done together. A submitting thread that finds nobody working
 * on its key becomes the leader and does every item queued for the key, in batches of at most {@code maxBatch},
 * until the queue is empty; the others return at once and wait for their item's own completion signal. No
 * dedicated thread and no timer: under load, the items arriving while a batch is done form the next batch.
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
    private final ConcurrentHashMap<K, Lane<T>> lanes = new ConcurrentHashMap<>();

    public Combiner(int maxBatch, Consumer<List<T>> batchWork) {
        this.maxBatch = maxBatch;
        this.batchWork = batchWork;
    }

    /** Queues the item; does it (and others) if nobody is working on the key. Returns when the caller may wait. */
    public void submit(K key, T item) {
        Lane<T> lane = lanes.computeIfAbsent(key, ignored -> new Lane<>());
        lane.queue.add(item);
        // Re-checked after leading: an item queued while the leader was letting go is never left behind.
        while (!lane.queue.isEmpty() && lane.leading.compareAndSet(false, true)) {
            try {
                for (List<T> batch = lane.drain(maxBatch); !batch.isEmpty(); batch = lane.drain(maxBatch)) {
                    batchWork.accept(batch);
                }
            } finally {
                lane.leading.set(false);
            }
        }
    }

    private static final class Lane<T> {

        final Queue<T> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean leading = new AtomicBoolean();

        List<T> drain(int max) {
            List<T> batch = new ArrayList<>();
            T item;
            while (batch.size() < max && (item = queue.poll()) != null) {
                batch.add(item);
            }
            return batch;
        }
    }
}

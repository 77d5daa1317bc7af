package id.dukcapil.portal.signing;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A batch being signed: its live progress for the screen, each document's outcome, and its end. Stopping it
 * (or a crash) leaves the rest queued and the batch resumable.
 */
public final class BatchRun {

    private final long batchId;
    private final int total;
    private final AtomicInteger signed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final List<DocumentOutcome> outcomes = new CopyOnWriteArrayList<>();
    private final CompletableFuture<List<DocumentOutcome>> completion = new CompletableFuture<>();
    private volatile boolean stopRequested;

    BatchRun(long batchId, int total) {
        this.batchId = batchId;
        this.total = total;
    }

    public long batchId() {
        return batchId;
    }

    public int total() {
        return total;
    }

    public int signed() {
        return signed.get();
    }

    public int failed() {
        return failed.get();
    }

    public int skipped() {
        return skipped.get();
    }

    public int done() {
        return signed.get() + failed.get() + skipped.get();
    }

    public boolean finished() {
        return completion.isDone();
    }

    /** Each document's outcome so far, in the order they ended. */
    public List<DocumentOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Completes with every outcome when the batch ends, by finishing or by being stopped. */
    public CompletableFuture<List<DocumentOutcome>> completion() {
        return completion;
    }

    /** Signs no further document; those in flight finish. The batch stays resumable. */
    public void stop() {
        stopRequested = true;
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    void record(DocumentOutcome outcome) {
        outcomes.add(outcome);
        switch (outcome.result()) {
            case SIGNED -> signed.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
            case SKIPPED -> skipped.incrementAndGet();
        }
    }

    void complete() {
        completion.complete(outcomes());
    }
}

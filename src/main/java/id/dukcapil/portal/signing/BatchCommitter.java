package id.dukcapil.portal.signing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.signing.internal.DocumentFinisher;
import id.dukcapil.portal.signing.internal.DocumentStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits what a batch's signing threads finished, the documents waiting at that moment (at most
 * {@link BatchSigning#MAX_GROUP}) in one transaction, on {@link BatchSigning#COMMIT_LANES} threads, and ends the batch
 * after the last. A lane that cannot go on stops the batch (it stays resumable).
 */
final class BatchCommitter implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(BatchCommitter.class);

    final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
    private final AtomicInteger lanesLeft = new AtomicInteger(BatchSigning.COMMIT_LANES);
    private volatile @Nullable End end;
    private volatile boolean broken;
    private final long batchId;
    private final BatchRun run;
    private final String signerName;
    volatile @Nullable ScheduledFuture<?> renewal;
    private final DocumentStore documents;
    private final DocumentFinisher finisher;
    private final SigningQueue queue;
    private final AuditLog auditLog;
    private final Clock clock;
    private final TransactionTemplate transactions;
    /** Gives the batch up once it ended: its lease back, and no longer running here. */
    private final Runnable release;

    BatchCommitter(long batchId, BatchRun run, String signerName, DocumentStore documents, DocumentFinisher finisher,
                   SigningQueue queue, AuditLog auditLog, Clock clock, TransactionTemplate transactions,
                   Runnable release) {
        this.batchId = batchId;
        this.run = run;
        this.signerName = signerName;
        this.documents = documents;
        this.finisher = finisher;
        this.queue = queue;
        this.auditLog = auditLog;
        this.clock = clock;
        this.transactions = transactions;
        this.release = release;
    }

    @Override
    public void run() {
        try {
            List<Finished> group = new ArrayList<>(BatchSigning.MAX_GROUP);
            while (end == null) {
                group.add(finished.take());
                finished.drainTo(group, BatchSigning.MAX_GROUP - 1);
                if (group.getLast() instanceof End last) {
                    group.removeLast();
                    end = last;
                    finished.add(last); // for the other lanes
                }
                commit(group);
                group.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broken = true;
            run.stop();
            log.warn("Batch {} interrupted: it stays resumable", batchId);
        } catch (RuntimeException e) {
            broken = true;
            run.stop();
            log.error("Batch {} could not be committed to its end: it stays resumable", batchId, e);
        } finally {
            if (lanesLeft.decrementAndGet() == 0) {
                finish();
            }
        }
    }

    /** After the last lane: the batch is finished if every document was handled. */
    private void finish() {
        try {
            End last = end;
            if (last != null && last.cleanly() && !broken && !run.stopRequested()) {
                documents.finishBatch(batchId, clock.instant());
                auditLog.record(AuditRecord.success("signing.batch.finished", "SigningBatch",
                        String.valueOf(batchId)).withDetail("%d signed, %d failed, %d skipped"
                        .formatted(run.signed(), run.failed(), run.skipped())));
            }
        } catch (RuntimeException e) {
            log.error("Batch {} could not be marked finished: it stays resumable", batchId, e);
        } finally {
            ScheduledFuture<?> renewing = renewal;
            if (renewing != null) {
                renewing.cancel(false);
            }
            release.run();
            run.complete();
        }
    }

    /** Documents claimed in id order: two batches' committers never wait for each other in a cycle. */
    private void commit(List<Finished> group) {
        if (group.isEmpty()) {
            return;
        }
        group.sort(Comparator.comparingLong(BatchCommitter::documentId));
        List<DocumentOutcome> outcomes;
        try {
            outcomes = Objects.requireNonNull(
                    transactions.execute(status -> group.stream().map(this::commitOne).toList()));
        } catch (RuntimeException groupFailed) {
            if (group.size() > 1) {
                log.warn("A group of {} documents of batch {} could not be committed: one at a time now",
                        group.size(), batchId, groupFailed);
            }
            outcomes = group.stream().map(this::commitAlone).toList();
        }
        outcomes.forEach(run::record);
    }

    /** A document that cannot be committed stays queued, recorded as failed if that can still be written. */
    private DocumentOutcome commitAlone(Finished item) {
        try {
            return Objects.requireNonNull(transactions.execute(status -> commitOne(item)));
        } catch (RuntimeException e) {
            NotSigned failure = item instanceof Signed signed ? failed(signed.document(), e) : (NotSigned) item;
            log.warn("Committing document {} of batch {} failed: it stays queued", failure.outcome().number(),
                    batchId, e);
            if (item instanceof Signed) {
                try {
                    transactions.executeWithoutResult(status -> commitOne(failure));
                } catch (RuntimeException again) {
                    log.warn("Nor could its failure be recorded", again);
                }
            }
            return failure.outcome();
        }
    }

    private DocumentOutcome commitOne(Finished item) {
        return switch (item) {
            case Signed signed -> {
                DocumentStore.DocumentRow document = signed.document();
                if (finisher.commitSigned(batchId, document, signed.signed(), signerName)) {
                    yield new DocumentOutcome(document.id(), document.number(), DocumentOutcome.Result.SIGNED,
                            null, null);
                }
                finisher.recordSkipped(batchId, document.id(), "signed or returned meanwhile");
                yield new DocumentOutcome(document.id(), document.number(), DocumentOutcome.Result.SKIPPED,
                        "signing.outcome.meanwhile", null);
            }
            case NotSigned notSigned -> {
                DocumentOutcome outcome = notSigned.outcome();
                if (notSigned.failed() != null) {
                    finisher.recordFailure(batchId, notSigned.failed(), String.valueOf(notSigned.message()));
                } else if (notSigned.message() != null) {
                    finisher.recordSkipped(batchId, outcome.documentId(), notSigned.message());
                }
                yield outcome;
            }
            case Returned returned -> {
                DocumentStore.DocumentRow document = returned.document();
                if (queue.returned(document, returned.reason())) {
                    finisher.recordSkipped(batchId, document.id(), returned.reason());
                    yield new DocumentOutcome(document.id(), document.number(), DocumentOutcome.Result.SKIPPED,
                            "signing.outcome.sent-back", returned.reason());
                }
                finisher.recordSkipped(batchId, document.id(), "signed or returned meanwhile");
                yield new DocumentOutcome(document.id(), document.number(), DocumentOutcome.Result.SKIPPED,
                        "signing.outcome.meanwhile", null);
            }
            case End end -> throw new IllegalStateException("The end of a batch is not a document");
        };
    }

    private static long documentId(Finished item) {
        return switch (item) {
            case Signed signed -> signed.document().id();
            case NotSigned notSigned -> notSigned.outcome().documentId();
            case Returned returned -> returned.document().id();
            case End end -> Long.MAX_VALUE;
        };
    }

    /** What a signing thread hands to the committer. */
    sealed interface Finished extends BatchSigning.Prepared {
    }

    /** Rendered and signed, not stored yet. */
    record Signed(DocumentStore.DocumentRow document, DocumentSigner.Signed signed) implements Finished {
    }

    /** Not signed: recorded as failed (if the document exists) or skipped, with this outcome. */
    record NotSigned(DocumentOutcome outcome, DocumentStore.@Nullable DocumentRow failed,
                     @Nullable String message) implements Finished {
    }

    /** Not signed: the family changed since the verifier approved it, so it goes back to them with the reason. */
    record Returned(DocumentStore.DocumentRow document, String reason) implements Finished {
    }

    /** Every signing thread is done. */
    record End(boolean cleanly) implements Finished {
    }

    static NotSigned notSigned(DocumentStore.DocumentRow document, RuleViolation violation) {
        String detail = violation.args().length > 0 ? String.valueOf(violation.args()[0]) : null;
        return new NotSigned(new DocumentOutcome(document.id(), document.number(), DocumentOutcome.Result.FAILED,
                violation.messageKeys().getFirst(), detail), document,
                violation.getMessage() + (detail == null ? "" : " " + detail));
    }

    static NotSigned failed(DocumentStore.DocumentRow document, RuntimeException e) {
        return new NotSigned(new DocumentOutcome(document.id(), document.number(), DocumentOutcome.Result.FAILED,
                "signing.outcome.error", e.getClass().getSimpleName()), document, String.valueOf(e.getMessage()));
    }
}

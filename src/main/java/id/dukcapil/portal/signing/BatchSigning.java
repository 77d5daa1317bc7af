package id.dukcapil.portal.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static id.dukcapil.portal.signing.BatchCommitter.failed;
import static id.dukcapil.portal.signing.BatchCommitter.notSigned;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.secret.NodeScope;
import id.dukcapil.portal.signing.BatchCommitter.End;
import id.dukcapil.portal.signing.BatchCommitter.Finished;
import id.dukcapil.portal.signing.BatchCommitter.NotSigned;
import id.dukcapil.portal.signing.BatchCommitter.Returned;
import id.dukcapil.portal.signing.BatchCommitter.Signed;
import id.dukcapil.portal.signing.DocumentSigner.SecretKind;
import id.dukcapil.portal.signing.internal.BatchLeases;
import id.dukcapil.portal.signing.internal.DocumentFinisher;
import id.dukcapil.portal.signing.internal.DocumentSources;
import id.dukcapil.portal.signing.internal.SigningMeters;
import id.dukcapil.portal.signing.internal.DocumentStore;
import id.dukcapil.portal.signing.internal.SigningProperties;
import id.dukcapil.portal.signing.internal.VerificationLinks;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * HEAD: signs a batch of queued documents with the signer the typed passphrase (or, through BSrE, the BeSign TOTP)
 * opens ({@link DocumentSigner}: the office's own key, or BSrE). Documents are rendered and signed in parallel (the
 * signer's concurrency: two workers per core for the local key, BSrE's parallel calls; a session that signs many
 * documents per call, a TOTP's, gets them gathered into calls as they are rendered, decision 151); each batch's
 * committer commits the finished documents a few per transaction, each still claimed by its own conditional state
 * update ({@link DocumentFinisher}): a crash loses nothing committed, a document signed but not yet committed was never stored and is signed again on resume (through
 * BSrE once its journalled attempt is reconciled, decision 144), and no document is stored signed twice. A group that cannot be committed is committed again one document at a time, so one
 * failing document does not stop the others. Progress counts a document when it is committed. An unfinished batch
 * (stopped, or cut by a crash) is resumed with {@link #resume}. See docs/decisions/035-signing-committer.md.
 * <p>
 * A running batch is its node's by a lease in the database, renewed while it signs ({@link BatchLeases}): every node
 * shows it as running, and another node may resume it only once the lease has run out, i.e. its node died
 * (decision 120). A node alone on its embedded database has no other node: a lease it finds was its own before a
 * crash, and the batch is resumable at once.
 */
@Service
public class BatchSigning {

    private static final Logger log = LoggerFactory.getLogger(BatchSigning.class);
    /** At most this many documents per commit: a group's commit stays short and the progress moves often. */
    static final int MAX_GROUP = 16;
    /**
     * Groups committed at the same time: while one waits for the database (the log flush, the audit chain's lock),
     * the next is written. Two groups of one batch never hold the same document.
     */
    static final int COMMIT_LANES = 2;

    private final DocumentStore documents;
    private final DocumentSigner signer;
    private final DocumentSources sources;
    private final DocumentFinisher finisher;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final SigningProperties properties;
    private final VerificationLinks links;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final SigningQueue queue;
    private final ExecutorService workers;
    /**
     * The calls of a session that signs many documents per call: apart from the workers, so that a call leaves as
     * soon as it is full rather than after the whole batch's rendering (a TOTP lives seconds). Its threads are made
     * only when a call is.
     */
    private final ExecutorService callers;
    private final Map<Long, BatchRun> running = new ConcurrentHashMap<>();
    private final BatchLeases leases;
    private final SigningMeters meters;
    private final boolean aloneOnItsDatabase;
    /** This node as a batch's runner: one per start, so that a node started again is another runner. */
    private final String runner = UUID.randomUUID().toString();
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("signing-lease").daemon(true).factory());

    BatchSigning(DocumentStore documents, DocumentSigner signer, DocumentSources sources,
                 DocumentFinisher finisher, AuditLog auditLog, CurrentActor currentActor,
                 SigningProperties properties, VerificationLinks links, Clock clock, TransactionTemplate transactions,
                 SigningQueue queue, BatchLeases leases, NodeScope nodeScope, SigningMeters meters) {
        this.queue = queue;
        this.meters = meters;
        this.leases = leases;
        this.aloneOnItsDatabase = nodeScope.aloneOnItsDatabase();
        this.documents = documents;
        this.signer = signer;
        this.sources = sources;
        this.finisher = finisher;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.properties = properties;
        this.links = links;
        this.clock = clock;
        this.transactions = transactions;
        this.callers = Executors.newFixedThreadPool(signer.concurrency(), Thread.ofPlatform().name("signing-call-", 1)
                .daemon(true).factory());
        this.workers = Executors.newFixedThreadPool(signer.concurrency(), Thread.ofPlatform().name("signing-", 1)
                .daemon(true).factory());
    }

    /** Starts signing the documents with the passphrase: {@link #start(List, SecretKind, char[])}. */
    @PreAuthorize("hasRole('" + Roles.HEAD + "')")
    public BatchRun start(List<Long> documentIds, char[] passphrase) {
        return start(documentIds, SecretKind.PASSPHRASE, passphrase);
    }

    /**
     * Starts signing the documents. Refused before anything is signed: no document chosen, a wrong passphrase, a
     * secret the signer does not take, no usable certificate (none, revoked, expired, a signer BSrE does not know).
     *
     * @param secret wiped before this returns
     */
    @PreAuthorize("hasRole('" + Roles.HEAD + "')")
    public BatchRun start(List<Long> documentIds, SecretKind kind, char[] secret) {
        if (documentIds.isEmpty()) {
            Arrays.fill(secret, '\0');
            throw new RuleViolation("signing.batch.empty");
        }
        DocumentSigner.Session session = signer.open(kind, secret);
        try {
            List<Long> ids = documentIds.stream().distinct().toList();
            long batchId = documents.insertBatch(currentActor.id(), clock.instant(), ids, runner,
                    properties.batchLease());
            auditLog.record(AuditRecord.success("signing.batch.started", "SigningBatch", String.valueOf(batchId))
                    .withDetail("%d documents, signer %s, %s".formatted(ids.size(), session.signer().name(),
                            typed(kind))));
            return launch(batchId, ids, session);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /**
     * Continues an unfinished batch with the documents it has not signed yet. Refused while it runs, here or on
     * another node whose lease is alive.
     */
    @PreAuthorize("hasRole('" + Roles.HEAD + "')")
    public BatchRun resume(long batchId, char[] passphrase) {
        return resume(batchId, SecretKind.PASSPHRASE, passphrase);
    }

    /** {@link #resume(long, char[])} with the secret of the kind typed (a fresh TOTP after one ran out). */
    @PreAuthorize("hasRole('" + Roles.HEAD + "')")
    public BatchRun resume(long batchId, SecretKind kind, char[] secret) {
        Optional<DocumentStore.BatchRow> batch = documents.unfinishedBatch(batchId);
        if (running.containsKey(batchId) || batch.isEmpty()) {
            Arrays.fill(secret, '\0');
            throw new RuleViolation("signing.batch.not-resumable", batchId);
        }
        if (runsElsewhere(batch.get())) {
            Arrays.fill(secret, '\0');
            throw new RuleViolation("signing.batch.running-elsewhere", batchId);
        }
        DocumentSigner.Session session = signer.open(kind, secret);
        try {
            boolean claimed = aloneOnItsDatabase ? leases.takeOver(batchId, runner, properties.batchLease())
                    : leases.claim(batchId, runner, properties.batchLease());
            if (!claimed) {
                throw new RuleViolation("signing.batch.running-elsewhere", batchId); // taken meanwhile by another node
            }
            List<Long> open = documents.openItems(batchId);
            auditLog.record(AuditRecord.success("signing.batch.resumed", "SigningBatch", String.valueOf(batchId))
                    .withDetail("%d documents left, %s".formatted(open.size(), typed(kind))));
            return launch(batchId, open, session);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** How the batch was opened, in the audit log's words (never the secret). */
    private static String typed(SecretKind kind) {
        return kind == SecretKind.TOTP ? "with a TOTP code from BeSign" : "with the passphrase";
    }

    /** Batches neither finished nor running, here or on another node: stopped, or cut by a crash. */
    @PreAuthorize("hasRole('" + Roles.HEAD + "')")
    public List<InterruptedBatch> interrupted() {
        return documents.unfinishedBatches().stream()
                .filter(batch -> !running.containsKey(batch.id()) && !runsElsewhere(batch))
                .map(BatchSigning::summary)
                .toList();
    }

    /** Batches another node is signing now (its lease is alive): not resumable here. */
    @PreAuthorize("hasRole('" + Roles.HEAD + "')")
    public List<InterruptedBatch> runningElsewhere() {
        return documents.unfinishedBatches().stream()
                .filter(batch -> !running.containsKey(batch.id()) && runsElsewhere(batch))
                .map(BatchSigning::summary)
                .toList();
    }

    private boolean runsElsewhere(DocumentStore.BatchRow batch) {
        return batch.leased() && !aloneOnItsDatabase && !running.containsKey(batch.id());
    }

    private static InterruptedBatch summary(DocumentStore.BatchRow batch) {
        return new InterruptedBatch(batch.id(), batch.startedBy(), batch.startedAt(), batch.total(), batch.open());
    }

    /** Who BSrE signs for, when the office signs through BSrE; empty with the office's own key. */
    @PreAuthorize("hasRole('" + Roles.HEAD + "')")
    public Optional<DocumentSigner.Signer> remoteSigner() {
        return signer.remoteSigner();
    }

    /** The secrets the office's signer opens with: the passphrase, and with BSrE a TOTP from BeSign. */
    @PreAuthorize("hasRole('" + Roles.HEAD + "')")
    public Set<SecretKind> secretKinds() {
        return signer.secretKinds();
    }

    /** The batch running now, if any: a screen opened again finds its progress. */
    @PreAuthorize("hasRole('" + Roles.HEAD + "')")
    public Optional<BatchRun> running(long batchId) {
        return Optional.ofNullable(running.get(batchId));
    }

    private BatchRun launch(long batchId, List<Long> ids, DocumentSigner.Session session) {
        BatchRun run = new BatchRun(batchId, ids.size());
        running.put(batchId, run);
        meters.started();
        run.completion().thenRun(() -> meters.ended(run.signed(), run.failed(), run.skipped()));
        String signerName = currentActor.id();
        LocalDate issuedOn = LocalDate.now(clock);
        BatchCommitter committer = new BatchCommitter(batchId, run, signerName, documents, finisher, queue, auditLog,
                clock, transactions, () -> {
                    releaseLease(batchId);
                    running.remove(batchId);
                });
        BatchGathering gathering = session.callSize().gathers()
                ? new BatchGathering(batchId, session, run, committer, callers) : null;
        List<CompletableFuture<Void>> tasks = new ArrayList<>();
        for (Long id : ids) {
            Runnable task = new DelegatingSecurityContextRunnable(() -> {
                if (run.stopRequested()) {
                    return;
                }
                if (gathering == null) {
                    committer.finished.add(signOne(batchId, id, session, issuedOn));
                } else {
                    switch (prepare(id, session, issuedOn)) {
                        case Rendered rendered -> gathering.add(rendered);
                        case Finished finished -> committer.finished.add(finished);
                    }
                }
            });
            tasks.add(CompletableFuture.runAsync(task, workers));
        }
        CompletableFuture<Void> signed = CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new));
        if (gathering != null) { // the last call goes once every document is rendered; the session waits for all
            signed = signed.handle((ignored, error) -> error).thenCompose(error -> gathering.sendTheRest()
                    .thenRun(() -> {
                        if (error != null) {
                            throw new CompletionException(error);
                        }
                    }));
        }
        Duration lease = properties.batchLease();
        long every = Math.max(1, lease.toMillis() / 3);
        committer.renewal = renewals.scheduleAtFixedRate(() -> renew(batchId, run), every, every,
                TimeUnit.MILLISECONDS);
        for (int lane = 1; lane <= COMMIT_LANES; lane++) {
            Thread.ofPlatform().name("signing-committer-" + batchId + "-" + lane).daemon(true)
                    .start(new DelegatingSecurityContextRunnable(committer));
        }
        signed.whenComplete((ignored, error) -> {
            // The key or the passphrase goes with the batch, once no signing thread can still use it (the committer's
            // lanes may have ended before: a half-wiped passphrase must never reach the signer).
            session.close();
            if (error != null) {
                log.error("Batch {} ended with an error", batchId, error);
            }
            committer.finished.add(new End(error == null));
        });
        return run;
    }

    /**
     * Keeps the batch this node's while it signs. Lost (another node took it over after this one went silent for a
     * whole lease), the batch stops here: the other node signs the rest, and no document is signed twice anyway.
     */
    private void renew(long batchId, BatchRun run) {
        try {
            if (!leases.renew(batchId, runner, properties.batchLease())) {
                log.warn("Batch {} was taken over by another node: it stops here", batchId);
                run.stop();
            }
        } catch (RuntimeException e) {
            log.warn("The lease of batch {} could not be renewed; trying again", batchId, e);
        }
    }

    private void releaseLease(long batchId) {
        try {
            leases.release(batchId, runner);
        } catch (RuntimeException e) {
            log.warn("The lease of batch {} could not be given back: it runs out by itself", batchId, e);
        }
    }

    /** A document made ready to sign, or already finished without a signature. */
    sealed interface Prepared permits Rendered, Finished {
    }

    /** Rendered with the signer's block, to be signed. */
    record Rendered(DocumentStore.DocumentRow document, byte[] pdf) implements Prepared {
    }

    private Finished signOne(long batchId, long id, DocumentSigner.Session session, LocalDate issuedOn) {
        return switch (prepare(id, session, issuedOn)) {
            case Finished finished -> finished;
            case Rendered rendered -> {
                try {
                    yield new Signed(rendered.document(), session.sign(batchId, id, rendered.pdf()));
                } catch (RuleViolation violation) {
                    yield notSigned(rendered.document(), violation);
                } catch (RuntimeException e) {
                    log.warn("Signing document {} failed", rendered.document().number(), e);
                    yield failed(rendered.document(), e);
                }
            }
        };
    }

    /** The document rendered with the session's signer, unless it is no longer queued or goes back to its verifier. */
    private Prepared prepare(long id, DocumentSigner.Session session, LocalDate issuedOn) {
        Optional<DocumentStore.DocumentRow> found = documents.find(id);
        if (found.isEmpty()) {
            return new NotSigned(new DocumentOutcome(id, "?", DocumentOutcome.Result.FAILED,
                    "signing.document.unknown", null), null, null);
        }
        DocumentStore.DocumentRow document = found.get();
        if (document.state() != DocumentState.QUEUED) {
            return new NotSigned(new DocumentOutcome(id, document.number(), DocumentOutcome.Result.SKIPPED,
                    document.state().labelKey(), null), null, document.state().name());
        }
        try {
            DocumentSigner.Signer who = session.signer();
            SignatureBlock block = new SignatureBlock(document.number(), links.of(document.token()),
                    issuedOn, who.name(), who.position(), who.nip());
            return switch (sources.of(document.sourceType()).render(document.sourceId(), block)) {
                case SignableDocuments.Rendering.Pdf pdf -> new Rendered(document, pdf.bytes());
                case SignableDocuments.Rendering.SendBack sendBack -> new Returned(document, abbreviate(sendBack.reason()));
            };
        } catch (RuleViolation violation) {
            return notSigned(document, violation);
        } catch (RuntimeException e) {
            log.warn("Rendering document {} failed", document.number(), e);
            return failed(document, e);
        }
    }

    private static String abbreviate(String reason) {
        return reason.length() <= DocumentReturned.REASON_MAX_LENGTH ? reason
                : reason.substring(0, DocumentReturned.REASON_MAX_LENGTH - 1) + "\u2026";
    }

    @PreDestroy
    void shutdown() {
        running.values().forEach(BatchRun::stop);
        workers.shutdown();
        callers.shutdown();
        renewals.shutdown();
    }
}

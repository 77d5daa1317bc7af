package id.dukcapil.portal.signing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.signing.internal.CurrentUser;
import id.dukcapil.portal.signing.internal.DocumentFinisher;
import id.dukcapil.portal.signing.internal.DocumentStore;
import id.dukcapil.portal.signing.internal.KeyVault;
import id.dukcapil.portal.signing.internal.KkDocument;
import id.dukcapil.portal.signing.internal.SigningProperties;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;

/**
 * HEAD: signs a batch of queued documents with the key the typed passphrase unlocks. Documents are rendered and
 * signed in parallel (one worker per core) and each is committed on its own ({@link DocumentFinisher}): one
 * failing document does not stop the others, a crash loses nothing, and the conditional claim at commit signs no
 * document twice. An unfinished batch (stopped, or cut by a crash) is resumed with {@link #resume}.
 */
@Service
public class BatchSigning {

    private static final Logger log = LoggerFactory.getLogger(BatchSigning.class);

    private final DocumentStore documents;
    private final KeyVault keyVault;
    private final DocumentSigner signer;
    private final KkDocument kkDocument;
    private final PopulationRegistry registry;
    private final DocumentFinisher finisher;
    private final AuditLog auditLog;
    private final SigningProperties properties;
    private final Clock clock;
    private final ExecutorService workers;
    private final Map<Long, BatchRun> running = new ConcurrentHashMap<>();

    BatchSigning(DocumentStore documents, KeyVault keyVault, DocumentSigner signer, KkDocument kkDocument,
                 PopulationRegistry registry, DocumentFinisher finisher, AuditLog auditLog,
                 SigningProperties properties, Clock clock) {
        this.documents = documents;
        this.keyVault = keyVault;
        this.signer = signer;
        this.kkDocument = kkDocument;
        this.registry = registry;
        this.finisher = finisher;
        this.auditLog = auditLog;
        this.properties = properties;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(properties.workers(), Thread.ofPlatform().name("signing-", 1)
                .daemon(true).factory());
    }

    /**
     * Starts signing the documents. Refused before anything is signed: no document chosen, a wrong passphrase, no
     * usable certificate (none, revoked, expired).
     */
    @PreAuthorize("hasRole('" + Roles.HEAD + "')")
    public BatchRun start(List<Long> documentIds, char[] passphrase) {
        if (documentIds.isEmpty()) {
            java.util.Arrays.fill(passphrase, '\0');
            throw new RuleViolation("signing.batch.empty");
        }
        KeyVault.UnlockedKey key = keyVault.unlock(passphrase);
        List<Long> ids = documentIds.stream().distinct().toList();
        long batchId = documents.insertBatch(CurrentUser.name(), clock.instant(), ids);
        auditLog.record(AuditRecord.success("signing.batch.started", "SigningBatch", String.valueOf(batchId))
                .withDetail("%d documents, certificate %d".formatted(ids.size(), key.certificate().id())));
        return launch(batchId, ids, key);
    }

    /** Continues an unfinished batch with the documents it has not signed yet. */
    @PreAuthorize("hasRole('" + Roles.HEAD + "')")
    public BatchRun resume(long batchId, char[] passphrase) {
        if (running.containsKey(batchId) || documents.unfinishedBatch(batchId).isEmpty()) {
            java.util.Arrays.fill(passphrase, '\0');
            throw new RuleViolation("signing.batch.not-resumable", batchId);
        }
        KeyVault.UnlockedKey key = keyVault.unlock(passphrase);
        List<Long> open = documents.openItems(batchId);
        auditLog.record(AuditRecord.success("signing.batch.resumed", "SigningBatch", String.valueOf(batchId))
                .withDetail("%d documents left".formatted(open.size())));
        return launch(batchId, open, key);
    }

    /** Batches neither finished nor running here: stopped, or cut by a crash. */
    @PreAuthorize("hasRole('" + Roles.HEAD + "')")
    public List<InterruptedBatch> interrupted() {
        return documents.unfinishedBatches().stream().filter(batch -> !running.containsKey(batch.id()))
                .map(batch -> new InterruptedBatch(batch.id(), batch.startedBy(), batch.startedAt(), batch.total(),
                        batch.open()))
                .toList();
    }

    /** The batch running now, if any: a screen opened again finds its progress. */
    @PreAuthorize("hasRole('" + Roles.HEAD + "')")
    public Optional<BatchRun> running(long batchId) {
        return Optional.ofNullable(running.get(batchId));
    }

    private BatchRun launch(long batchId, List<Long> ids, KeyVault.UnlockedKey key) {
        BatchRun run = new BatchRun(batchId, ids.size());
        running.put(batchId, run);
        String signerName = CurrentUser.name();
        LocalDate issuedOn = LocalDate.now(clock);
        KkDocument.Signer cardSigner = new KkDocument.Signer(key.certificate().holderName(),
                key.certificate().holderPosition(), key.certificate().holderNip());
        List<CompletableFuture<Void>> tasks = new ArrayList<>();
        for (Long id : ids) {
            Runnable task = new DelegatingSecurityContextRunnable(() -> {
                if (!run.stopRequested()) {
                    run.record(signOne(batchId, id, key, cardSigner, issuedOn, signerName));
                }
            });
            tasks.add(CompletableFuture.runAsync(task, workers));
        }
        CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).whenComplete((ignored, error) -> {
            if (error != null) {
                log.error("Batch {} ended with an error", batchId, error);
            }
            if (!run.stopRequested() && error == null) {
                documents.finishBatch(batchId, clock.instant());
                auditLog.record(AuditRecord.success("signing.batch.finished", "SigningBatch", String.valueOf(batchId))
                        .withDetail("%d signed, %d failed, %d skipped".formatted(run.signed(), run.failed(),
                                run.skipped())));
            }
            running.remove(batchId);
            run.complete();
        });
        return run;
    }

    private DocumentOutcome signOne(long batchId, long id, KeyVault.UnlockedKey key, KkDocument.Signer cardSigner,
                                    LocalDate issuedOn, String signerName) {
        Optional<DocumentStore.DocumentRow> found = documents.find(id);
        if (found.isEmpty()) {
            return new DocumentOutcome(id, "?", DocumentOutcome.Result.FAILED, "signing.document.unknown", null);
        }
        DocumentStore.DocumentRow document = found.get();
        if (document.state() != DocumentState.QUEUED) {
            finisher.recordSkipped(batchId, id, document.state().name());
            return new DocumentOutcome(id, document.number(), DocumentOutcome.Result.SKIPPED,
                    document.state().labelKey(), null);
        }
        try {
            KeyVault.checkUsable(key.certificate(), clock.instant());
            Family family = registry.findFamily(KkNumber.of(document.kkNumber()))
                    .orElseThrow(() -> new RuleViolation("signing.kk.unknown", KkNumber.of(document.kkNumber()).masked()));
            checkConsistent(family);
            byte[] pdf = kkDocument.render(family, document.number(), properties.verificationUrl(document.token()),
                    issuedOn, cardSigner);
            byte[] signed = signer.sign(pdf, key.key());
            if (!finisher.commitSigned(batchId, document, signed, key.certificate().id(), signerName)) {
                finisher.recordSkipped(batchId, id, "signed or returned meanwhile");
                return new DocumentOutcome(id, document.number(), DocumentOutcome.Result.SKIPPED,
                        "signing.outcome.meanwhile", null);
            }
            return new DocumentOutcome(id, document.number(), DocumentOutcome.Result.SIGNED, null, null);
        } catch (RuleViolation violation) {
            String detail = violation.args().length > 0 ? String.valueOf(violation.args()[0]) : null;
            finisher.recordFailure(batchId, document, violation.getMessage() + (detail == null ? "" : " " + detail));
            return new DocumentOutcome(id, document.number(), DocumentOutcome.Result.FAILED,
                    violation.messageKeys().getFirst(), detail);
        } catch (RuntimeException e) {
            log.warn("Signing document {} failed", document.number(), e);
            finisher.recordFailure(batchId, document, String.valueOf(e.getMessage()));
            return new DocumentOutcome(id, document.number(), DocumentOutcome.Result.FAILED, "signing.outcome.error",
                    e.getClass().getSimpleName());
        }
    }

    /** A card whose members' data contradict their NIKs is not signed: the verifier settles it first. */
    private static void checkConsistent(Family family) {
        for (Resident member : family.members()) {
            if (!member.nikDisagreements().isEmpty()) {
                throw new RuleViolation("signing.kk.nik-disagreement", member.nik().masked());
            }
        }
    }

    @PreDestroy
    void shutdown() {
        running.values().forEach(BatchRun::stop);
        workers.shutdown();
    }
}

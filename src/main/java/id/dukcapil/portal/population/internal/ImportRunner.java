package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.outside.OutsideSystem;
import id.dukcapil.portal.outside.OutsideSystems;
import id.dukcapil.portal.population.ImportState;
import id.dukcapil.portal.population.extract.ExtractReader;
import id.dukcapil.portal.population.extract.ExtractRefused;
import id.dukcapil.portal.shared.Finding;
import id.dukcapil.portal.shared.RuleViolation;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of an import of a SIAK extract, as the ADMIN's screen and the command line drive it: registered, run (on
 * the import thread or the caller's), stopped, reopened after a failure, confirmed or cancelled while it waits to mark
 * residents gone, and taken over by another node when its node stopped beating (decision 098). Each step is audited;
 * the run itself, reading and writing the file a chunk at a time, is an {@link ImportRun}. Residents of the import's
 * region that the extract did not list are marked gone only when the whole file was read, and only after a second,
 * named confirmation when they are more than {@code portal.population.import.max-gone-share} of the region's
 * residents or the extract had no row at all (decision 128).
 */
@Component
public class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    /** Families the register holds with other rows than the extract's, at most, in one transaction (decision 107). */
    static final int COMPARED_PER_TRANSACTION = 50;

    private final ImportStore store;
    private final ImportScope scope;
    private final TransactionTemplate transactions;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ImportRun.Parts runParts;
    private final OutsideSystems outside;
    private final Duration staleAfter;
    private final String node = UUID.randomUUID().toString();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("population-import").daemon().factory());

    ImportRunner(ImportStore store, FamilyLoad load, GoneResidents gone, ImportScope scope,
                 TransactionTemplate transactions, AuditLog auditLog, Clock clock, OutsideSystems outside,
                 @Value("${portal.population.import.families-per-chunk:500}") int familiesPerChunk,
                 @Value("${portal.population.import.compared-per-transaction:" + COMPARED_PER_TRANSACTION + "}")
                 int comparedPerTransaction,
                 @Value("${portal.population.import.pause-after-changes:0.5}") double pauseAfterChanges,
                 @Value("${portal.population.import.stale-after:PT2M}") Duration staleAfter,
                 @Value("${portal.population.import.max-gone-share:0.10}") double maxGoneShare) {
        this.store = store;
        this.outside = outside;
        this.scope = scope;
        this.transactions = transactions;
        this.auditLog = auditLog;
        this.clock = clock;
        this.runParts = new ImportRun.Parts(store, load, gone, scope, transactions, auditLog, clock,
                new ImportRun.Settings(familiesPerChunk, comparedPerTransaction, pauseAfterChanges, maxGoneShare));
        this.staleAfter = staleAfter;
    }

    /**
     * Registers an import of a stored file; refused while another import runs anywhere.
     *
     * @param scope a regency ({@code 32.04}) or a district ({@code 32.04.37}): rows outside it are refused, and
     *              its residents the extract does not list are marked gone
     */
    public long register(Path storedFile, String fileName, String scope, Actor actor) {
        this.scope.villagesOf(scope);
        try {
            ExtractReader.forFileName(fileName);
        } catch (ExtractRefused e) {
            throw new RuleViolation(e.finding().messageKey(), e.finding().argsArray());
        }
        long id = store.start(scope, fileName, storedFile.toAbsolutePath().toString(), actor.id(), clock.instant(), node);
        auditLog.record(actor, AuditRecord.success("population.import.started", "PopulationImport", String.valueOf(id))
                .withDetail("file=" + fileName + "; scope=" + scope));
        return id;
    }

    /** Runs a registered import on the import thread. */
    public void runInBackground(long id, Actor actor) {
        worker.submit(() -> run(id, actor));
    }

    /**
     * Runs a registered import to its end on the calling thread, or to {@link ImportState#AWAITING_CONFIRMATION}; the
     * outcome is in its job row.
     */
    public ImportState run(long id, Actor actor) {
        try {
            // Read inside: a failure to read it fails the import for the ADMIN to resume, instead of leaving it
            // running with nobody at it until the takeover finds it stale.
            ImportStore.Job job = store.job(id).orElseThrow();
            ImportRun run = new ImportRun(runParts, job, actor);
            // A confirmed import had loaded its whole file before it stopped to ask: a takeover goes on marking gone.
            if (job.goneConfirmed() == null) {
                run.readAll();
                if (run.cancelled()) {
                    return finish(id, ImportState.CANCELLED, null, actor);
                }
            }
            if (run.mustAsk()) {
                return ImportState.AWAITING_CONFIRMATION;
            }
            run.markGone();
            // An extract of SIAK's loaded whole: SIAK's last contact (decision 198). Its absence is not known here:
            // extracts come as files, so nothing meets SIAK away.
            outside.contact(OutsideSystem.SIAK);
            return finish(id, ImportState.FINISHED, null, actor);
        } catch (ExtractRefused e) {
            return finish(id, ImportState.FAILED, e.finding(), actor);
        } catch (IOException e) {
            return finish(id, ImportState.FAILED, Finding.of("extract.file.unreadable"), actor);
        } catch (RuntimeException e) {
            // The ADMIN reads that the server failed and may resume; what failed is for the log, not the screen.
            log.error("Import {} of the population failed", id, e);
            return finish(id, ImportState.FAILED, Finding.of("population.import.failed"), actor);
        }
    }

    /**
     * Takes over imports whose node stopped beating (it crashed) and runs them on from where they stood. Once per
     * interval in the cluster (ShedLock); the claim of an import is a compare in the database anyway.
     */
    @Scheduled(fixedDelayString = "${portal.population.import.resume-check:PT30S}", initialDelayString = "PT5S")
    @SchedulerLock(name = "population-import-takeover", lockAtMostFor = "PT5M",
            lockAtLeastFor = "${portal.population.import.resume-check:PT30S}")
    public void resumeAbandoned() {
        for (long id : claimAbandoned()) {
            log.info("Resuming import {} of the population, abandoned by a stopped node", id);
            runInBackground(id, Actor.system("population-import"));
        }
    }

    /** The running imports whose node stopped beating, now this node's. */
    public List<Long> claimAbandoned() {
        return store.running().stream()
                .filter(id -> store.claimAbandoned(id, node, staleAfter))
                .toList();
    }

    /**
     * Lets a failed import go on from the last chunk it wrote (the database was away, a connection broke); refused
     * while another import runs.
     */
    public void reopen(long id, Actor actor) {
        store.reopen(id, node);
        auditLog.record(actor, AuditRecord.success("population.import.resumed", "PopulationImport", String.valueOf(id)));
    }

    public boolean cancel(long id) {
        return store.requestCancel(id);
    }

    /**
     * The ADMIN's second confirmation of an import waiting for it: at most {@code residents}, the number they were
     * shown, may be marked gone. The caller then runs it ({@link #run} or {@link #runInBackground}).
     *
     * @throws RuleViolation {@code population.import.not-awaiting} when it no longer waits or waits for another number
     */
    public void confirmGone(long id, long residents, Actor actor) {
        store.confirmGone(id, residents, actor.id(), node);
        auditLog.record(actor, AuditRecord.success("population.import.gone-confirmed", "PopulationImport",
                String.valueOf(id)).withDetail("at most %d residents not in the extract marked gone".formatted(residents)));
    }

    /** Ends an import waiting for confirmation, nobody marked gone; false when it was not waiting. */
    public boolean cancelAwaiting(long id, Actor actor) {
        if (!store.cancelAwaiting(id, clock.instant())) {
            return false;
        }
        store.job(id).ifPresent(job -> deleteQuietly(Path.of(job.storedFile())));
        auditLog.record(actor, AuditRecord.success("population.import.cancelled", "PopulationImport", String.valueOf(id))
                .withDetail("not confirmed: nobody marked gone"));
        return true;
    }

    /** The import waiting for a confirmation, if one is. */
    public java.util.Optional<Long> awaitingConfirmation() {
        return store.awaiting();
    }

    public void audit(Actor actor, long id, String action) {
        auditLog.record(actor, AuditRecord.success(action, "PopulationImport", String.valueOf(id)));
    }

    private ImportState finish(long id, ImportState state, @Nullable Finding failure, Actor actor) {
        // The end and its audit entry are one unit of work: both kept, or neither and the whole tried again.
        var progress = Objects.requireNonNull(transactions.execute(status -> {
            store.finish(id, state, failure, clock.instant());
            var ended = store.progress(id).orElseThrow();
            auditLog.record(actor, AuditRecord.success("population.import." + state.name().toLowerCase(Locale.ROOT),
                    "PopulationImport", String.valueOf(id)).withDetail("%d rows read, %d refused; %d added, %d changed, %d gone%s"
                    .formatted(ended.rowsRead(), ended.rowsRejected(), ended.residentsAdded(),
                            ended.residentsChanged(), ended.residentsGone(),
                            failure == null ? "" : "; " + failure.messageKey() + " " + failure.args())));
            return ended;
        }));
        if (state != ImportState.FAILED) {
            store.job(id).ifPresent(job -> deleteQuietly(Path.of(job.storedFile())));
        }
        log.info("Import {} of the population {}: {} rows read, {} refused, {} added, {} changed, {} gone", id, state,
                progress.rowsRead(), progress.rowsRejected(), progress.residentsAdded(), progress.residentsChanged(),
                progress.residentsGone());
        return state;
    }

    private static void deleteQuietly(Path file) {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the imported file {}: {}", file, e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}

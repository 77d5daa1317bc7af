package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.population.ImportState;
import id.dukcapil.portal.population.extract.ExtractFamily;
import id.dukcapil.portal.population.extract.ExtractReader;
import id.dukcapil.portal.population.extract.ExtractRefused;
import id.dukcapil.portal.population.extract.ExtractRowRules;
import id.dukcapil.portal.population.extract.FamilyBlocks;
import id.dukcapil.portal.shared.Finding;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.region.Region;
import id.dukcapil.portal.shared.region.Regions;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an import of a SIAK extract: reads the file as a stream and checks each row and each family on a reader
 * thread, and writes the families a chunk at a time, in transactions that also record how far the import got (a
 * chunk, or a portion of it with a few dozen changed families, decisions 106 and 107). A crash loses at most the
 * transaction in flight, whole families only; a node that finds an import whose node stopped beating takes it over
 * and goes on after the last families written (decision 098). Residents of the import's region that the
 * extract did not list are marked gone only when the whole file was read, and only after a second, named confirmation
 * when they are more than {@code portal.population.import.max-gone-share} of the region's residents or the extract
 * had no row at all (decision 128).
 */
@Component
public class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    /** Families the register holds with other rows than the extract's, at most, in one transaction (decision 107). */
    static final int COMPARED_PER_TRANSACTION = 50;
    private static final Pattern SCOPE = Pattern.compile("\\d{2}\\.\\d{2}(\\.\\d{2})?");

    private final ImportStore store;
    private final FamilyLoad load;
    private final GoneResidents gone;
    private final TransactionTemplate transactions;
    private final Regions regions;
    private final AuditLog auditLog;
    private final Clock clock;
    private final int familiesPerChunk;
    private final int comparedPerTransaction;
    private final double pauseAfterChanges;
    private final Duration staleAfter;
    private final double maxGoneShare;
    private final String node = UUID.randomUUID().toString();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("population-import").daemon().factory());

    ImportRunner(ImportStore store, FamilyLoad load, GoneResidents gone, TransactionTemplate transactions, Regions regions,
                 AuditLog auditLog, Clock clock,
                 @Value("${portal.population.import.families-per-chunk:500}") int familiesPerChunk,
                 @Value("${portal.population.import.compared-per-transaction:" + COMPARED_PER_TRANSACTION + "}")
                 int comparedPerTransaction,
                 @Value("${portal.population.import.pause-after-changes:0.5}") double pauseAfterChanges,
                 @Value("${portal.population.import.stale-after:PT2M}") Duration staleAfter,
                 @Value("${portal.population.import.max-gone-share:0.10}") double maxGoneShare) {
        this.store = store;
        this.load = load;
        this.gone = gone;
        this.transactions = transactions;
        this.regions = regions;
        this.auditLog = auditLog;
        this.clock = clock;
        this.familiesPerChunk = familiesPerChunk;
        this.comparedPerTransaction = comparedPerTransaction;
        this.pauseAfterChanges = pauseAfterChanges;
        this.staleAfter = staleAfter;
        this.maxGoneShare = maxGoneShare;
    }

    /**
     * Registers an import of a stored file; refused while another import runs anywhere.
     *
     * @param scope a regency ({@code 32.04}) or a district ({@code 32.04.37}): rows outside it are refused, and
     *              its residents the extract does not list are marked gone
     */
    public long register(Path storedFile, String fileName, String scope, Actor actor) {
        villagesOf(scope);
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
            Run run = new Run(job, actor);
            // A confirmed import had loaded its whole file before it stopped to ask: a takeover goes on marking gone.
            if (job.goneConfirmed() == null) {
                run.readAll();
                if (run.cancelled) {
                    return finish(id, ImportState.CANCELLED, null, actor);
                }
            }
            if (run.mustAsk()) {
                return ImportState.AWAITING_CONFIRMATION;
            }
            run.markGone();
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

    private Set<String> villagesOf(String scope) {
        if (!SCOPE.matcher(scope).matches()) {
            throw new RuleViolation("population.import.scope", scope);
        }
        List<Region> villages = scope.length() == 5 ? regions.villagesOfRegency(scope) : regions.villagesOf(scope);
        if (villages.isEmpty()) {
            throw new RuleViolation("population.import.scope", scope);
        }
        return villages.stream().map(Region::code).collect(Collectors.toSet());
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

    /** Stops reading once an ADMIN asked to and the chunk in hand is written. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    /** A chunk of families read and checked, with where the file stood after it. */
    private record Chunk(List<ExtractFamily> families, long familiesAfter, double fraction) {
        static final Chunk END = new Chunk(List.of(), -1, 1.0);
    }

    /** What one transaction of the run kept, counted, and whether the run stops after it. */
    private record Written(ImportStore.Tally tally, boolean stop) {
    }

    /** The reader stops: the run ended (stopped, failed) while it was still reading. */
    private static final class ReaderStopped extends RuntimeException {
        ReaderStopped() {
            super(null, null, false, false);
        }
    }

    /** One run of one import: its counts and where it stands in the file. */
    private final class Run {
        private final ImportStore.Job job;
        private final Actor actor;
        private final LocalDate today = LocalDate.now(clock);
        private ImportStore.Tally tally;
        private long familiesDone;
        private long lastLogged = System.nanoTime();
        boolean cancelled;

        Run(ImportStore.Job job, Actor actor) {
            this.job = job;
            this.actor = actor;
            this.tally = job.tally().copy();
            this.familiesDone = job.familiesDone();
        }

        /**
         * Reads and checks the file on a thread of its own while this one writes the chunk before (decision 106):
         * parsing and the rules keep a core busy while the server writes, as the generator does for the bulk load.
         */
        void readAll() throws IOException {
            Reading reading = new Reading(job);
            Thread reader = Thread.ofPlatform().name("population-import-reader").daemon().start(reading);
            try {
                for (Chunk chunk = reading.take(); chunk != Chunk.END; chunk = reading.take()) {
                    write(chunk);
                }
                reading.rethrowFailure();
            } catch (Cancelled e) {
                cancelled = true;
            } finally {
                reader.interrupt();
            }
        }

        /**
         * Writes the chunk in portions of a few changed families each, one transaction a portion, and after a portion
         * that changed residents leaves the server to the desks for a while (decision 107).
         */
        private void write(Chunk chunk) {
            long done = chunk.familiesAfter() - chunk.families().size();
            for (FamilyLoad.Portion portion : load.portions(chunk.families(), comparedPerTransaction)) {
                done += portion.families().size();
                long doneAfter = done;
                long rows = portion.families().stream().mapToLong(family -> family.rows().size()).sum();
                long started = System.nanoTime();
                Written written = Objects.requireNonNull(transactions.execute(status -> {
                    // Counted afresh on each try: a try rolled back counted what it did not keep.
                    ImportStore.Tally attempt = tally.copy();
                    attempt.rowsRead += rows;
                    load.write(job.id(), portion, attempt, actor, today);
                    return new Written(attempt, store.progressed(job.id(), doneAfter, chunk.fraction(), attempt));
                }));
                ImportStore.Tally attempt = written.tally();
                boolean changed = attempt.residentsChanged + attempt.residentsGone
                        > tally.residentsChanged + tally.residentsGone;
                tally = attempt;
                if (written.stop()) {
                    throw new Cancelled();
                }
                if (changed) {
                    pause(System.nanoTime() - started);
                }
            }
            if (chunk.families().isEmpty()) {
                // The file's end after the last full chunk: the progress says the whole file was read. A stop asked
                // while its last part was read is a stop still: nobody is to be marked gone after it.
                ImportStore.Tally attempt = tally;
                if (Boolean.TRUE.equals(transactions.execute(status -> store.progressed(job.id(),
                        chunk.familiesAfter(), chunk.fraction(), attempt)))) {
                    throw new Cancelled();
                }
            }
            familiesDone = chunk.familiesAfter();
            logNowAndThen(chunk.fraction());
        }

        private void pause(long busyNanos) {
            long nanos = (long) (busyNanos * pauseAfterChanges);
            if (nanos > 0) {
                LockSupport.parkNanos(nanos);
            }
        }

        /** A line in the log every ten seconds: what the command line shows while a regency loads. */
        private void logNowAndThen(double fraction) {
            long now = System.nanoTime();
            if (now - lastLogged > 10_000_000_000L) {
                lastLogged = now;
                log.info("Import {}: {} rows read ({}%), {} refused, {} added, {} changed", job.id(), tally.rowsRead,
                        Math.round(fraction * 100), tally.rowsRejected, tally.residentsAdded, tally.residentsChanged);
            }
        }

        /**
         * Reads the file, checks each row and family, and hands the families on in chunks; those a resumed import
         * already wrote are passed over.
         */
        private final class Reading implements Runnable {
            private final ImportStore.Job job;
            private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(2);
            private List<ExtractFamily> chunk = new ArrayList<>();
            private long families;
            private double fraction;
            private volatile @Nullable Exception failure;

            Reading(ImportStore.Job job) {
                this.job = job;
            }

            @Override
            public void run() {
                try {
                    Predicate<String> villageExists = code -> regions.village(code).isPresent();
                    ExtractRowRules rules = new ExtractRowRules(job.scope(), villagesOf(job.scope()), villageExists,
                            regions, today, clock.getZone());
                    FamilyBlocks blocks = new FamilyBlocks(this::family);
                    ExtractReader.forFileName(job.fileName()).read(Path.of(job.storedFile()), (row, read) -> {
                        fraction = read;
                        blocks.add(rules.check(row));
                    });
                    blocks.finish();
                    fraction = 1.0;
                    hand();
                } catch (ReaderStopped e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    failure = e;
                }
                put(Chunk.END);
            }

            private void family(ExtractFamily family) {
                families++;
                if (families <= job.familiesDone()) {
                    return;
                }
                chunk.add(family);
                if (chunk.size() >= familiesPerChunk) {
                    hand();
                }
            }

            private void hand() {
                put(new Chunk(chunk, families, fraction));
                chunk = new ArrayList<>();
            }

            private void put(Chunk next) {
                try {
                    chunks.put(next);
                } catch (InterruptedException e) {
                    throw new ReaderStopped();
                }
            }

            Chunk take() {
                try {
                    return chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while importing the population", e);
                }
            }

            void rethrowFailure() throws IOException {
                Exception e = failure;
                if (e instanceof IOException io) {
                    throw io;
                }
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
            }
        }

        /**
         * Before anyone is marked gone: an extract without a row, or one that would mark more than the set share of
         * the region's residents gone, stops here and waits for a confirmation of that number (decision 128). A
         * confirmed import goes on as long as no more are to be marked than were confirmed (a takeover finds fewer).
         */
        boolean mustAsk() {
            GoneResidents.GoneCount count = gone.count(job.id(), job.scope());
            Long confirmed = job.goneConfirmed();
            if (confirmed != null && count.unlisted() <= confirmed) {
                return false;
            }
            boolean empty = tally.rowsRead == 0;
            if (!empty && count.unlisted() <= maxGoneShare * count.residents()) {
                return false;
            }
            store.awaitConfirmation(job.id(), count.unlisted(), count.residents());
            auditLog.record(actor, AuditRecord.success("population.import.awaiting-confirmation", "PopulationImport",
                    String.valueOf(job.id())).withDetail("%d rows read; %d of the %d residents of %s not in the extract"
                    .formatted(tally.rowsRead, count.unlisted(), count.residents(), job.scope())));
            log.warn("Import {} of the population stopped before marking anyone gone: {} rows read, {} of the {} "
                            + "residents of {} not in the extract; waiting for a confirmation", job.id(), tally.rowsRead,
                    count.unlisted(), count.residents(), job.scope());
            return true;
        }

        void markGone() {
            while (true) {
                Written written = Objects.requireNonNull(transactions.execute(status -> {
                    ImportStore.Tally attempt = tally.copy();
                    int marked = gone.markGone(job.id(), job.scope(), attempt, actor, today);
                    store.progressed(job.id(), familiesDone, 1.0, attempt);
                    return new Written(attempt, marked == 0);
                }));
                tally = written.tally();
                if (written.stop()) {
                    return;
                }
            }
        }
    }
}

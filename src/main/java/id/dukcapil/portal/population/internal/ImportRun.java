package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run of one import, on the import's thread: writes the chunks the reader hands on, a portion a transaction that
 * also records how far the import got, and at the end marks gone the residents the extract did not list — or stops
 * to ask first (decision 128). Keeps the run's counts and where it stands in the file; the job row keeps them across
 * a crash, so a takeover starts a new run where this one stopped.
 */
final class ImportRun {

    /** The runner's logger: an operator follows an import under one name, whichever class writes the line. */
    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    /** The settings of every run (portal.population.import.*). */
    record Settings(int familiesPerChunk, int comparedPerTransaction, double pauseAfterChanges, double maxGoneShare) {
    }

    /** What every run works with. */
    record Parts(ImportStore store, FamilyLoad load, GoneResidents gone, ImportScope scope,
                 TransactionTemplate transactions, AuditLog auditLog, Clock clock, Settings settings) {
    }

    /** Stops reading once an ADMIN asked to and the chunk in hand is written. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    /** What one transaction of the run kept, counted, and whether the run stops after it. */
    private record Written(ImportStore.Tally tally, boolean stop) {
    }

    private final Parts parts;
    private final ImportStore store;
    private final ImportStore.Job job;
    private final Actor actor;
    private final LocalDate today;
    private ImportStore.Tally tally;
    private long familiesDone;
    private long lastLogged = System.nanoTime();
    private boolean cancelled;

    ImportRun(Parts parts, ImportStore.Job job, Actor actor) {
        this.parts = parts;
        this.store = parts.store();
        this.job = job;
        this.actor = actor;
        this.today = LocalDate.now(parts.clock());
        this.tally = job.tally().copy();
        this.familiesDone = job.familiesDone();
    }

    /** An ADMIN stopped the run while it was reading: nobody is to be marked gone. */
    boolean cancelled() {
        return cancelled;
    }

    /**
     * Reads and checks the file on a thread of its own while this one writes the chunk before (decision 106):
     * parsing and the rules keep a core busy while the server writes, as the generator does for the bulk load.
     */
    void readAll() throws IOException {
        ExtractChunkReader reading = new ExtractChunkReader(job,
                () -> parts.scope().rules(job.scope(), today, parts.clock().getZone()), parts.settings().familiesPerChunk());
        Thread reader = Thread.ofPlatform().name("population-import-reader").daemon().start(reading);
        try {
            for (var chunk = reading.take(); chunk != ExtractChunkReader.Chunk.END; chunk = reading.take()) {
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
    private void write(ExtractChunkReader.Chunk chunk) {
        long done = chunk.familiesAfter() - chunk.families().size();
        for (FamilyLoad.Portion portion : parts.load().portions(chunk.families(),
                parts.settings().comparedPerTransaction())) {
            done += portion.families().size();
            long doneAfter = done;
            long rows = portion.families().stream().mapToLong(family -> family.rows().size()).sum();
            long started = System.nanoTime();
            Written written = Objects.requireNonNull(parts.transactions().execute(status -> {
                // Counted afresh on each try: a try rolled back counted what it did not keep.
                ImportStore.Tally attempt = tally.copy();
                attempt.rowsRead += rows;
                parts.load().write(job.id(), portion, attempt, actor, today);
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
            if (Boolean.TRUE.equals(parts.transactions().execute(status -> store.progressed(job.id(),
                    chunk.familiesAfter(), chunk.fraction(), attempt)))) {
                throw new Cancelled();
            }
        }
        familiesDone = chunk.familiesAfter();
        logNowAndThen(chunk.fraction());
    }

    private void pause(long busyNanos) {
        long nanos = (long) (busyNanos * parts.settings().pauseAfterChanges());
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
     * Before anyone is marked gone: an extract without a row, or one that would mark more than the set share of
     * the region's residents gone, stops here and waits for a confirmation of that number (decision 128). A
     * confirmed import goes on as long as no more are to be marked than were confirmed (a takeover finds fewer).
     */
    boolean mustAsk() {
        GoneResidents.GoneCount count = parts.gone().count(job.id(), job.scope());
        Long confirmed = job.goneConfirmed();
        if (confirmed != null && count.unlisted() <= confirmed) {
            return false;
        }
        boolean empty = tally.rowsRead == 0;
        if (!empty && count.unlisted() <= parts.settings().maxGoneShare() * count.residents()) {
            return false;
        }
        store.awaitConfirmation(job.id(), count.unlisted(), count.residents());
        parts.auditLog().record(actor, AuditRecord.success("population.import.awaiting-confirmation",
                "PopulationImport", String.valueOf(job.id())).withDetail("%d rows read; %d of the %d residents of %s not in the extract"
                .formatted(tally.rowsRead, count.unlisted(), count.residents(), job.scope())));
        log.warn("Import {} of the population stopped before marking anyone gone: {} rows read, {} of the {} "
                        + "residents of {} not in the extract; waiting for a confirmation", job.id(), tally.rowsRead,
                count.unlisted(), count.residents(), job.scope());
        return true;
    }

    /** Marks gone, a statement's worth a transaction, every resident of the scope the extract did not list. */
    void markGone() {
        while (true) {
            Written written = Objects.requireNonNull(parts.transactions().execute(status -> {
                ImportStore.Tally attempt = tally.copy();
                int marked = parts.gone().markGone(job.id(), job.scope(), attempt, actor, today);
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

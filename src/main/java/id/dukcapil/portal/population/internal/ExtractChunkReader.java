package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.population.extract.ExtractFamily;
import id.dukcapil.portal.population.extract.ExtractReader;
import id.dukcapil.portal.population.extract.ExtractRowRules;
import id.dukcapil.portal.population.extract.FamilyBlocks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads an import's file, checks each row and family, and hands the families on in chunks, on a thread of its own
 * while the import's thread writes the chunk before (decision 106): parsing and the rules keep a core busy while the
 * server writes. Families a resumed import already wrote are passed over. At most two chunks wait, so a slow
 * database holds the reading back rather than filling the memory.
 */
final class ExtractChunkReader implements Runnable {

    /** A chunk of families read and checked, with where the file stood after it. */
    record Chunk(List<ExtractFamily> families, long familiesAfter, double fraction) {
        static final Chunk END = new Chunk(List.of(), -1, 1.0);
    }

    /** The reader stops: the run ended (stopped, failed) while it was still reading. */
    private static final class ReaderStopped extends RuntimeException {
        ReaderStopped() {
            super(null, null, false, false);
        }
    }

    private final ImportStore.Job job;
    private final Supplier<ExtractRowRules> rules;
    private final int familiesPerChunk;
    private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(2);
    private List<ExtractFamily> chunk = new ArrayList<>();
    private long families;
    private double fraction;
    private volatile @Nullable Exception failure;

    /** @param rules made on the reader's thread: a scope that fails them fails the reading, as a file would */
    ExtractChunkReader(ImportStore.Job job, Supplier<ExtractRowRules> rules, int familiesPerChunk) {
        this.job = job;
        this.rules = rules;
        this.familiesPerChunk = familiesPerChunk;
    }

    @Override
    public void run() {
        try {
            ExtractRowRules checks = rules.get();
            FamilyBlocks blocks = new FamilyBlocks(this::family);
            ExtractReader.forFileName(job.fileName()).read(Path.of(job.storedFile()), (row, read) -> {
                fraction = read;
                blocks.add(checks.check(row));
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

    /** The next chunk, {@link Chunk#END} after the last. */
    Chunk take() {
        try {
            return chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while importing the population", e);
        }
    }

    /** After {@link Chunk#END}: the failure that ended the reading early, if one did. */
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

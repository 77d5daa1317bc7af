package id.dukcapil.portal.population;

import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.population.extract.ExtractColumn;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * An import the demo ADMIN started whose extract comes through a named pipe: the import runs, reading, for as long as
 * the test holds the pipe's end, with no timing to hope for (a regency's extract takes minutes, as the ADMIN sees it,
 * while a test's file takes milliseconds). {@link #stopAndEnd()} stops it as the ADMIN does and then ends the file
 * after its header row: a stopped import writes no family and marks nobody gone, and the pipe goes with the import.
 */
public final class PipedExtract {

    private static final String ADMIN = "admin";
    private static final Duration AT_MOST = Duration.ofSeconds(30);

    private final PopulationImports imports;
    private final UserDetailsService users;
    private final Path directory;
    private final String fileName;
    private final long id;

    private PipedExtract(PopulationImports imports, UserDetailsService users, Path directory, String fileName, long id) {
        this.imports = imports;
        this.users = users;
        this.directory = directory;
        this.fileName = fileName;
        this.id = id;
    }

    /** Started by the ADMIN for {@code scope} (a regency or a district code); running until {@link #stopAndEnd()}. */
    public static PipedExtract started(PopulationImports imports, UserDetailsService users, String scope) {
        String fileName = "ekstrak-siak-" + System.nanoTime() + ".csv";
        Path directory = SignedInAs.call(users, ADMIN, imports::uploadDirectory);
        Path pipe = directory.resolve(fileName); // beside the uploads, so that the import's move is a rename
        try {
            Files.createDirectories(pipe.getParent());
            Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
            if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
                throw new IllegalStateException("mkfifo could not make " + pipe);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long id = SignedInAs.call(users, ADMIN, () -> imports.start(pipe, fileName, scope));
        return new PipedExtract(imports, users, directory, fileName, id);
    }

    public long id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    public ImportProgress progress() {
        return SignedInAs.call(users, ADMIN, () -> imports.progress(id).orElseThrow());
    }

    /**
     * The ADMIN's stop, then the file's end after its header row, and the import's end awaited: what it ended as
     * (a stop asked before the end of the file ends it {@link ImportState#CANCELLED}).
     */
    public ImportProgress stopAndEnd() {
        SignedInAs.run(users, ADMIN, () -> imports.cancel(id));
        return end();
    }

    /** The file's end after its header row, and the import's end awaited. */
    public ImportProgress end() {
        String header = Arrays.stream(ExtractColumn.values()).map(ExtractColumn::header)
                .collect(Collectors.joining(",")) + "\r\n";
        // Opening a pipe's end waits for its reader: the import's, which opened it or is about to.
        CompletableFuture<Void> written = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(storedPipe())) {
                out.write(header.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            written.get(AT_MOST.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The import " + id + " did not read its pipe", e);
        }
        Instant until = Instant.now().plus(AT_MOST);
        while (Instant.now().isBefore(until)) {
            ImportProgress progress = progress();
            if (!progress.running()) {
                return progress;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("The import " + id + " did not end within " + AT_MOST.toSeconds() + " s");
    }

    /** Where the import moved the pipe: its uploads, under a name that ends with the file's. */
    private Path storedPipe() throws IOException {
        try (var files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-" + fileName)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The import " + id + " has no file " + fileName));
        }
    }
}

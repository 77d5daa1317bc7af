package id.dukcapil.portal.shared.internal.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The embedded server's own client programs ({@code mariadb}, {@code mariadb-dump}) run as its root, whose password
 * goes in an options file readable by the portal's user only, never on a command line that {@code ps} shows.
 */
final class ClientPrograms {

    private ClientPrograms() {
    }

    /** The options file beside the data folder (not in it: a restore starts from an empty one). */
    static Path rootOptions(EmbeddedMariaDb db) {
        try {
            // One per use: the backup and the binary log's copier run at once, each deleting its own when done.
            Path file = Files.createTempFile(db.dataDir().toAbsolutePath().getParent(), ".portal-root-", ".cnf",
                    PosixFilePermissions.asFileAttribute(DbCredentials.OWNER_ONLY));
            // Root signs in on the socket only (decision 060: never over the network, even with its password); the
            // server has no TLS (it listens on loopback), which the 11.4 client otherwise insists on.
            Files.writeString(file, "[client]\nsocket=" + db.socket() + "\nskip-ssl\nuser=root\npassword="
                    + db.credentials().rootPassword() + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the database client's options beside " + db.dataDir(), e);
        }
    }

    /** Starts {@code program} of the server's binaries (or any program on the PATH) with the root options first. */
    static Process start(EmbeddedMariaDb db, String program, Path options, List<String> arguments) throws IOException {
        Path own = db.program(program);
        boolean bundled = Files.isExecutable(own);
        List<String> command = new ArrayList<>(List.of(bundled ? own.toString() : program,
                "--defaults-extra-file=" + options));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (bundled) {
            builder.environment().put("LD_LIBRARY_PATH", db.libraries().toString());
        }
        // mariadb-binlog reads --stop-datetime in its own zone: UTC, as the restore gives it.
        builder.environment().put("TZ", "UTC");
        return builder.start();
    }

    /** Runs SQL as root with the server's own client; answers its rows, tab-separated columns. */
    static List<String[]> query(EmbeddedMariaDb db, Path options, String sql) throws IOException {
        Process client = start(db, "mariadb", options, List.of("--batch", "--skip-column-names", "-e", sql));
        CompletableFuture<String> errors = errors(client);
        client.getOutputStream().close();
        String out;
        try (InputStream in = client.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        await(client, sql, errors);
        return out.lines().filter(line -> !line.isBlank()).map(line -> line.split("\t")).toList();
    }

    /** The standard error of a process, collected while it runs (a full pipe would stop it). */
    static CompletableFuture<String> errors(Process process) {
        return CompletableFuture.supplyAsync(() -> {
            try (InputStream in = process.getErrorStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
    }

    /** Waits for the process; a non-zero exit fails with what it said. */
    static void await(Process process, String what, CompletableFuture<String> errors) throws IOException {
        try {
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IOException(what + " failed (exit " + exit + "): " + errors.join().strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(what + " interrupted", e);
        }
    }

    /** Copies all of {@code in} into {@code out}, closing both. */
    static long pipe(InputStream in, OutputStream out) throws IOException {
        try (in; out) {
            return in.transferTo(out);
        }
    }
}

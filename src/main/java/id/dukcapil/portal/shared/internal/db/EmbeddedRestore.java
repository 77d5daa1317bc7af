package id.dukcapil.portal.shared.internal.db;

import id.dukcapil.portal.shared.backup.BackupCipher;
import id.dukcapil.portal.shared.backup.BackupProperties;
import id.dukcapil.portal.shared.internal.db.EmbeddedMariaDb.EmbeddedDbSettings;
import id.dukcapil.portal.shared.secret.NodeScope;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * {@code java -jar portal.jar --restore=<backup or BACKUP_DIR> [--until=<time>]} on the embedded database (decision
 * 184): into an empty data folder, the backup's dump, then its binary log up to {@code until} (all that was copied when
 * none is given), then the files the modules keep outside the database (the audit anchors) where they are missing. The
 * portal then starts on the restored data as on any day; once ready, the audit module verifies the chain and reports.
 * Refuses a data folder that holds a database: a restore never overwrites one.
 */
final class EmbeddedRestore {

    static final String RESTORED_FROM = "portal.backup.restored-from";
    static final String RESTORED_UNTIL = "portal.backup.restored-until";
    /** The office's zone, for an {@code --until} given without one. */
    static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter BINLOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Logger log = LoggerFactory.getLogger(EmbeddedRestore.class);

    private EmbeddedRestore() {
    }

    static void restore(ConfigurableEnvironment env, EmbeddedDbSettings settings, String from, @Nullable String until) {
        try {
            run(env, settings, Path.of(from).toAbsolutePath().normalize(), until == null ? null : parse(until));
        } catch (IOException e) {
            throw new UncheckedIOException("The restore from " + from + " failed: " + e.getMessage(), e);
        }
    }

    static Instant parse(String until) {
        try {
            return OffsetDateTime.parse(until).toInstant();
        } catch (DateTimeParseException noOffset) {
            return LocalDateTime.parse(until.replace(' ', 'T')).atZone(OFFICE).toInstant();
        }
    }

    private static void run(ConfigurableEnvironment env, EmbeddedDbSettings settings, Path from, @Nullable Instant until)
            throws IOException {
        long started = System.nanoTime();
        Path backup = chosen(from, until);
        Path backupDir = backup.getParent();
        Manifest manifest = Manifest.read(backup);
        if (until != null && until.isBefore(manifest.takenAt())) {
            throw new IllegalStateException("The backup " + backup + " was taken at " + manifest.takenAt()
                    + ", after --until=" + until + ": name an older backup or BACKUP_DIR");
        }
        if (Files.isDirectory(settings.dataDir().resolve("mysql"))) {
            throw new IllegalStateException("The data folder " + settings.dataDir().toAbsolutePath() + " holds a "
                    + "database: a restore goes into an empty one. Move it away (keep it until the restore is checked)"
                    + " and run the restore again.");
        }
        BackupProperties properties = Binder.get(env).bindOrCreate("portal.backup", BackupProperties.class);
        log.info("Restoring {} (taken {}); it needs the keys {} (the backup key {})", backup, manifest.takenAt(),
                manifest.find(Manifest.KEYS_NEEDED).orElse("?"), manifest.find(Manifest.BACKUP_KEY_ID).orElse("?"));
        BackupCipher cipher = BackupKey.cipher(properties, NodeScope.EMBEDDED_DATABASE);
        if (!cipher.keyId().equals(manifest.find(Manifest.BACKUP_KEY_ID).orElse(cipher.keyId()))) {
            throw new IllegalStateException("The backup was sealed with the backup key " + manifest.get(Manifest.BACKUP_KEY_ID)
                    + "; the configured one is " + cipher.keyId() + ". Set BACKUP_KEY to the backup's key. The restore "
                    + "also needs " + manifest.find(Manifest.KEYS_NEEDED).orElse("") + " as they were.");
        }
        EmbeddedMariaDb db = EmbeddedMariaDb.startOnce(settings);
        db.awaitStarted();
        Path options = ClientPrograms.rootOptions(db);
        Path binlogCopies = settings.dataDir().toAbsolutePath().resolveSibling(".restore-binlog");
        try {
            try (InputStream dump = new GZIPInputStream(cipher.open(Files.newInputStream(backup.resolve(manifest.get(Manifest.DUMP)))), 1 << 16)) {
                load(db, options, "the backup's dump", dump);
            }
            long dumpMillis = (System.nanoTime() - started) / 1_000_000;
            List<Path> binlogs = binlogs(backupDir, manifest, cipher, binlogCopies);
            String replayed = "no binary log after the backup";
            if (!binlogs.isEmpty()) {
                List<String> arguments = new ArrayList<>(List.of("--start-position=" + manifest.get(Manifest.BINLOG_POSITION),
                        "--database=" + EmbeddedMariaDb.DATABASE));
                if (until != null) {
                    arguments.add("--stop-datetime=" + BINLOG_TIME.format(until.atOffset(ZoneOffset.UTC)));
                }
                binlogs.forEach(file -> arguments.add(file.toString()));
                Process reader = ClientPrograms.start(db, "mariadb-binlog", options, arguments);
                CompletableFuture<String> readerErrors = ClientPrograms.errors(reader);
                reader.getOutputStream().close();
                load(db, options, "the binary log", reader.getInputStream());
                ClientPrograms.await(reader, "mariadb-binlog (Debian's mariadb-client)", readerErrors);
                replayed = binlogs.size() + " binary log file(s) " + binlogs.getFirst().getFileName() + " to "
                        + binlogs.getLast().getFileName() + (until == null ? ", all of them" : ", up to " + until);
            }
            List<String> files = files(env, backup, manifest, cipher);
            String report = "Restored " + backup + " (taken " + manifest.takenAt() + ") in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms (the dump " + dumpMillis + " ms); " + replayed
                    + "; " + String.join("; ", files);
            log.info(report);
            Map<String, Object> restored = new HashMap<>();
            restored.put(RESTORED_FROM, backup.toString());
            restored.put(RESTORED_UNTIL, until == null ? "the last copied binary log" : until.toString());
            restored.put("portal.backup.restore-summary", report);
            manifest.entries().forEach((name, value) -> restored.put("portal.backup.restored-manifest." + name, value));
            env.getPropertySources().addFirst(new MapPropertySource("embeddedRestore", restored));
        } finally {
            Files.deleteIfExists(options);
            FileSystemUtils.deleteRecursively(binlogCopies);
        }
    }

    /** The backup named, or in a folder of backups the newest taken at or before {@code until}. */
    private static Path chosen(Path from, @Nullable Instant until) throws IOException {
        if (Files.exists(from.resolve(Manifest.FILE_NAME))) {
            return from;
        }
        List<Path> candidates = EmbeddedBackup.backups(from).stream()
                .filter(backup -> until == null || !Manifest.read(backup).takenAt().isAfter(until)).toList();
        if (candidates.isEmpty()) {
            throw new IllegalStateException("No backup in " + from + (until == null ? "" : " taken before " + until));
        }
        return candidates.getLast();
    }

    /** SQL into the database as root, from {@code sql}. */
    private static void load(EmbeddedMariaDb db, Path options, String what, InputStream sql)
            throws IOException {
        Process client = ClientPrograms.start(db, "mariadb", options,
                List.of("--default-character-set=utf8mb4", "--binary-mode", EmbeddedMariaDb.DATABASE));
        CompletableFuture<String> errors = ClientPrograms.errors(client);
        CompletableFuture.runAsync(() -> {
            try (InputStream out = client.getInputStream()) {
                out.transferTo(OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // the client's exit status says what matters
            }
        });
        try (OutputStream in = client.getOutputStream()) {
            sql.transferTo(in);
        } catch (IOException e) {
            client.destroyForcibly();
            throw new IOException("Loading " + what + " failed: " + errors.join().strip(), e);
        }
        ClientPrograms.await(client, "Loading " + what, errors);
    }

    /** The copies of the binary log the backup continues, opened into {@code into}, oldest first. */
    private static List<Path> binlogs(Path backupDir, Manifest manifest, BackupCipher cipher, Path into)
            throws IOException {
        Path folder = EmbeddedBackup.binlogFolder(backupDir, manifest.get(Manifest.BINLOG_TIMELINE));
        String first = manifest.get(Manifest.BINLOG_FILE);
        List<Path> opened = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return opened;
        }
        FileSystemUtils.deleteRecursively(into);
        Files.createDirectories(into);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path sealed : files.filter(f -> f.getFileName().toString().endsWith(".sealed")).sorted().toList()) {
                String name = sealed.getFileName().toString().replace(".sealed", "");
                if (name.compareTo(first) < 0) {
                    continue;
                }
                Path plain = into.resolve(name);
                try (InputStream in = new GZIPInputStream(cipher.open(Files.newInputStream(sealed)))) {
                    Files.copy(in, plain);
                }
                opened.add(plain);
            }
        }
        if (!opened.isEmpty() && !opened.getFirst().getFileName().toString().equals(first)) {
            throw new IllegalStateException("The binary log copies in " + folder + " begin at "
                    + opened.getFirst().getFileName() + ", after the backup's " + first + ": they do not continue it");
        }
        return opened;
    }

    /** The modules' files put back where the restoring portal's settings say, unless one is there already. */
    private static List<String> files(ConfigurableEnvironment env, Path backup, Manifest manifest, BackupCipher cipher)
            throws IOException {
        List<String> said = new ArrayList<>();
        for (Map.Entry<String, String> entry : manifest.entries().entrySet()) {
            if (!entry.getKey().endsWith(".restore-to")) {
                continue;
            }
            String name = entry.getKey().substring(0, entry.getKey().length() - ".restore-to".length());
            Path target = Path.of(env.resolvePlaceholders(entry.getValue()));
            if (Files.exists(target)) {
                said.add(target + " kept as it is (newer than the backup's copy)");
                continue;
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (InputStream in = new GZIPInputStream(cipher.open(Files.newInputStream(backup.resolve(name))))) {
                Files.copy(in, target);
            }
            said.add(target + " restored");
        }
        return said;
    }

}

package id.dukcapil.portal.shared.internal.db;

import id.dukcapil.portal.shared.backup.BackupCipher;
import id.dukcapil.portal.shared.backup.BackupPart;
import id.dukcapil.portal.shared.backup.BackupProperties;
import id.dukcapil.portal.shared.secret.NodeScope;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import id.dukcapil.portal.shared.Sha256;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded database's daily backup into {@code BACKUP_DIR} (decision 184): a consistent online copy by the server's
 * own {@code mariadb-dump} (one transaction, the binary log's position noted under a moment's read lock), gzipped and
 * sealed with the backup key, beside what the modules add ({@link BackupPart}: the audit anchors, the chain's head)
 * and a manifest. Written into a folder that is renamed into place only when whole, then old backups are let go by
 * the retention (7 daily, 4 weekly, 12 monthly). Also at the start when no backup holds this data folder's binary log
 * (its first start, a restore): the binary log is worth nothing without a backup it continues.
 */
@Component
@ConditionalOnProperty(name = NodeScope.EMBEDDED_DATABASE_ACTIVE, havingValue = "true")
class EmbeddedBackup {

    static final String PARTIAL = ".partial-";
    static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern POSITION = Pattern.compile(
            "MASTER_LOG_FILE='([^']+)', MASTER_LOG_POS=(\\d+)");
    private static final Logger log = LoggerFactory.getLogger(EmbeddedBackup.class);

    private final BackupProperties properties;
    private final List<BackupPart> parts;
    private final BackupState state;
    private final Clock clock;

    EmbeddedBackup(BackupProperties properties, List<BackupPart> parts, BackupState state, Clock clock) {
        this.properties = properties;
        this.parts = parts;
        this.state = state;
        this.clock = clock;
    }

    @Scheduled(cron = "${portal.backup.cron:0 30 1 * * *}", zone = "Asia/Jakarta")
    // One node by definition (the embedded database has one); the lock keeps the rule of every job all the same,
    // held an hour at least, past the schedule of a clock a little off.
    @SchedulerLock(name = "shared-backup", lockAtLeastFor = "PT1H", lockAtMostFor = "PT6H")
    void scheduledRun() {
        if (properties.enabled()) {
            takeQuietly();
        }
    }

    /** At the start, a first backup of this data folder's binary log, when there is none yet. */
    @EventListener(ApplicationReadyEvent.class)
    void firstOfThisTimeline() {
        if (properties.enabled() && EmbeddedMariaDb.running().isPresent()
                && state.newest(properties.dir()).filter(newest -> Manifest.read(newest).find(Manifest.BINLOG_TIMELINE)
                .equals(Optional.of(timeline(EmbeddedMariaDb.running().get())))).isEmpty()) {
            // Not on the scheduler's few threads: a dump of a large regency takes minutes.
            Thread.ofVirtual().name("backup-first").start(this::takeQuietly);
        }
    }

    private void takeQuietly() {
        try {
            take();
        } catch (IOException | RuntimeException e) {
            log.error("The backup into {} failed; the last good one stays", properties.dir(), e);
        }
    }

    /** Takes a backup now; answers its folder. */
    synchronized Path take() throws IOException {
        EmbeddedMariaDb db = EmbeddedMariaDb.running()
                .orElseThrow(() -> new IllegalStateException("The portal runs on no embedded database"));
        BackupCipher cipher = BackupKey.cipher(properties, NodeScope.EMBEDDED_DATABASE);
        long started = System.nanoTime();
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Path root = Files.createDirectories(properties.dir());
        Path partial = root.resolve(PARTIAL + NAME.format(at));
        FileSystemUtils.deleteRecursively(partial);
        Files.createDirectories(partial);
        Map<String, String> entries = new TreeMap<>();
        entries.put(Manifest.TAKEN_AT, at.toString());
        entries.put("format", "1");
        entries.put("database", EmbeddedMariaDb.DATABASE);
        entries.put("database.server", "embedded MariaDB (mariadb-dump --single-transaction)");
        entries.put(Manifest.BINLOG_TIMELINE, timeline(db));
        Set<String> keys = new LinkedHashSet<>();
        keys.add(BackupKey.SETTING.variable());
        // The modules' facts first: the chain's head is then at or before the dump's moment, and the restored chain
        // reaches it.
        for (BackupPart part : parts) {
            part.facts().forEach((name, value) -> entries.put(part.name() + "." + name, value));
            keys.addAll(part.keysNeeded());
        }
        long size = dump(db, cipher, partial, entries);
        for (BackupPart part : parts) {
            for (BackupPart.BackupFile file : part.files()) {
                if (Files.exists(file.source())) {
                    String name = "files/" + file.name() + ".sealed";
                    Files.createDirectories(partial.resolve("files"));
                    size += sealed(Files.newInputStream(file.source()), cipher, partial.resolve(name), entries, name);
                    entries.put(name + ".restore-to", file.restoreTo());
                }
            }
        }
        entries.put(Manifest.KEYS_NEEDED, String.join(",", keys));
        entries.put(Manifest.BACKUP_KEY_ID, cipher.keyId());
        entries.put(Manifest.SIZE, Long.toString(size));
        entries.put("took.millis", Long.toString((System.nanoTime() - started) / 1_000_000));
        new Manifest(entries).write(partial);
        Path done = root.resolve(NAME.format(at));
        Files.move(partial, done);
        state.taken(at, size);
        log.info("Backup {} taken in {} ms: {} bytes sealed, binary log from {}:{}", done,
                (System.nanoTime() - started) / 1_000_000, size, entries.get(Manifest.BINLOG_FILE),
                entries.get(Manifest.BINLOG_POSITION));
        Retention.apply(root, properties);
        return done;
    }

    /** The dump, its binary log position read from its head as it streams by. */
    private long dump(EmbeddedMariaDb db, BackupCipher cipher, Path folder, Map<String, String> entries)
            throws IOException {
        Path options = ClientPrograms.rootOptions(db);
        try {
            Process dump = ClientPrograms.start(db, "mariadb-dump", options, List.of("--single-transaction",
                    "--master-data=2", "--routines", "--triggers", "--hex-blob", "--default-character-set=utf8mb4",
                    EmbeddedMariaDb.DATABASE));
            CompletableFuture<String> errors = ClientPrograms.errors(dump);
            dump.getOutputStream().close();
            InputStream out = new BufferedInputStream(dump.getInputStream(), 1 << 16);
            out.mark(1 << 16);
            byte[] head = out.readNBytes(1 << 15);
            out.reset();
            Matcher position = POSITION.matcher(new String(head, StandardCharsets.UTF_8));
            if (!position.find()) {
                dump.destroyForcibly();
                throw new IOException("The dump names no binary log position (is the binary log on?): "
                        + errors.join().strip());
            }
            entries.put(Manifest.BINLOG_FILE, position.group(1));
            entries.put(Manifest.BINLOG_POSITION, position.group(2));
            long size = sealed(out, cipher, folder.resolve(Manifest.DUMP + ".gz.sealed"), entries,
                    Manifest.DUMP + ".gz.sealed");
            ClientPrograms.await(dump, "mariadb-dump", errors);
            entries.put(Manifest.DUMP, Manifest.DUMP + ".gz.sealed");
            return size;
        } finally {
            Files.deleteIfExists(options);
        }
    }

    /** Gzips and seals {@code in} into {@code target}; notes its size and SHA-256 in the manifest. */
    static long sealed(InputStream in, BackupCipher cipher, Path target, Map<String, String> entries, String name)
            throws IOException {
        MessageDigest sha256 = Sha256.newDigest();
        long plain;
        try (OutputStream file = new DigestOutputStream(Files.newOutputStream(target), sha256);
             OutputStream gzip = new GZIPOutputStream(cipher.seal(file), 1 << 16)) {
            plain = ClientPrograms.pipe(in, gzip);
        }
        long size = Files.size(target);
        entries.put(name + ".bytes", Long.toString(size));
        entries.put(name + ".plain-bytes", Long.toString(plain));
        entries.put(name + ".sha256", HexFormat.of().formatHex(sha256.digest()));
        return size;
    }

    /**
     * The name of this data folder's binary log line: a restore starts a new server whose binary log begins again at
     * file 1, so the copies go into a folder per line and never overwrite the files a backup continues.
     */
    static String timeline(EmbeddedMariaDb db) {
        Path file = db.dataDir().resolve("portal-binlog-timeline");
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, EmbeddedBackup.NAME.format(Instant.now()) + "-"
                        + UUID.randomUUID().toString().substring(0, 8) + "\n");
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
    }

    /** The folder of a timeline's binary log copies. */
    static Path binlogFolder(Path backupDir, String timeline) {
        return backupDir.resolve("binlog").resolve(timeline);
    }

    static List<Path> backups(Path backupDir) throws IOException {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(backupDir)) {
            try (var list = Files.list(backupDir)) {
                list.filter(path -> Files.exists(path.resolve(Manifest.FILE_NAME))).sorted().forEach(found::add);
            }
        }
        return found;
    }
}

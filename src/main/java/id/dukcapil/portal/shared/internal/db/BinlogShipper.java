package id.dukcapil.portal.shared.internal.db;

import id.dukcapil.portal.shared.backup.BackupCipher;
import id.dukcapil.portal.shared.backup.BackupProperties;
import id.dukcapil.portal.shared.secret.NodeScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The binary log, copied into {@code BACKUP_DIR/binlog/<timeline>/} every {@code portal.backup.binlog-interval} (20 s):
 * when the server wrote since the last run, {@code FLUSH BINARY LOGS} closes the file in use, and every closed file
 * not yet copied is sealed beside the backups. A lost disk then costs the committed work of at most one interval and
 * one copy (decision 184: RPO under a minute). Not ShedLocked: the embedded database has one node, this one.
 */
@Component
@ConditionalOnProperty(name = NodeScope.EMBEDDED_DATABASE_ACTIVE, havingValue = "true")
class BinlogShipper {

    private static final Logger log = LoggerFactory.getLogger(BinlogShipper.class);

    private final BackupProperties properties;
    private @Nullable String lastPosition;

    BinlogShipper(BackupProperties properties) {
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${portal.backup.binlog-interval:PT20S}",
            initialDelayString = "${portal.backup.binlog-interval:PT20S}")
    void scheduledRun() {
        if (!properties.enabled() || EmbeddedMariaDb.running().isEmpty()) {
            return;
        }
        try {
            ship(EmbeddedMariaDb.running().get());
        } catch (IOException | RuntimeException e) {
            log.warn("The binary log could not be copied into {} this time: {}", properties.dir(), e.toString());
        }
    }

    /** Closes the binary log file in use if it was written to, and copies every closed one not yet copied. */
    synchronized int ship(EmbeddedMariaDb db) throws IOException {
        Path folder = Files.createDirectories(EmbeddedBackup.binlogFolder(properties.dir(), EmbeddedBackup.timeline(db)));
        List<String> closed = new ArrayList<>();
        Path options = ClientPrograms.rootOptions(db);
        try {
            String position = status(db, options);
            if (!position.equals(lastPosition)) {
                ClientPrograms.query(db, options, "FLUSH BINARY LOGS");
                lastPosition = status(db, options);
            }
            ClientPrograms.query(db, options, "SHOW BINARY LOGS").forEach(row -> closed.add(row[0]));
        } finally {
            Files.deleteIfExists(options);
        }
        if (!closed.isEmpty()) {
            closed.removeLast(); // the one in use
        }
        BackupCipher cipher = BackupKey.cipher(properties, NodeScope.EMBEDDED_DATABASE);
        int copied = 0;
        for (String name : closed) {
            Path target = folder.resolve(name + ".sealed");
            Path source = db.dataDir().resolve(name);
            if (Files.exists(target) || !Files.exists(source)) {
                continue;
            }
            Path partial = folder.resolve(name + ".partial");
            EmbeddedBackup.sealed(Files.newInputStream(source), cipher, partial, new HashMap<>(), name);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            copied++;
        }
        return copied;
    }

    private static String status(EmbeddedMariaDb db, Path options) throws IOException {
        return ClientPrograms.query(db, options, "SHOW BINLOG STATUS").stream().findFirst()
                .map(row -> row[0] + ":" + row[1]).orElse("");
    }

}

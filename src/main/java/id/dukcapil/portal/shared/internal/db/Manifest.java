package id.dukcapil.portal.shared.internal.db;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A backup's {@code manifest.properties} (decision 184): what it holds, when it was taken, each file's size and SHA-256,
 * the binary log's position at that moment, the audit chain's head, and the keys a restore needs (named, never given).
 * Plain text an administrator can read; it holds no personal data.
 */
record Manifest(Map<String, String> entries) {

    static final String FILE_NAME = "manifest.properties";
    static final String TAKEN_AT = "taken-at";
    static final String DUMP = "database.dump";
    static final String BINLOG_TIMELINE = "binlog.timeline";
    static final String BINLOG_FILE = "binlog.file";
    static final String BINLOG_POSITION = "binlog.position";
    static final String KEYS_NEEDED = "keys.needed";
    static final String BACKUP_KEY_ID = "keys.backup-key-id";
    static final String SIZE = "size.bytes";

    static Manifest read(Path backup) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(backup.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a backup of the portal (no readable " + FILE_NAME + "): " + backup, e);
        }
        Map<String, String> entries = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> entries.put(name, properties.getProperty(name)));
        return new Manifest(entries);
    }

    void write(Path backup) throws IOException {
        // Sorted, one per line, without the date Properties.store puts on top.
        StringBuilder text = new StringBuilder("# Dukcapil Portal backup (decision 184). Keys are never in a backup.\n");
        new TreeMap<>(entries).forEach((name, value) -> {
            Properties one = new Properties();
            one.setProperty(name, value);
            StringWriter line = new StringWriter();
            try {
                one.store(line, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            line.toString().lines().filter(l -> !l.startsWith("#")).forEach(l -> text.append(l).append('\n'));
        });
        Files.writeString(backup.resolve(FILE_NAME), text, StandardCharsets.UTF_8);
    }

    Instant takenAt() {
        return Instant.parse(entries.get(TAKEN_AT));
    }

    String get(String name) {
        return Optional.ofNullable(entries.get(name))
                .orElseThrow(() -> new IllegalStateException("The backup's manifest has no " + name));
    }

    Optional<String> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }
}

package id.dukcapil.portal.audit.internal;

import id.dukcapil.portal.audit.AuditAnchor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code <data-dir>/audit-anchors.log}: appended to, never rewritten, outside the database. Its first line says
 * where the keyed part of the chain starts; each later one anchors the chain's head of a day.
 */
@Component
public class AnchorFile {

    static final String FILE_NAME = "audit-anchors.log";
    private static final Logger log = LoggerFactory.getLogger(AnchorFile.class);

    private final Path file;
    private volatile boolean started;

    AnchorFile(AuditProperties properties) {
        this.file = properties.dataDir().resolve(FILE_NAME);
    }

    public Path path() {
        return file;
    }

    /**
     * Before the first keyed entry: entries after the current head must be keyed. Called with the head locked,
     * so the head it writes is committed and stays.
     */
    boolean started() {
        return started;
    }

    void startIfNew(long lastSeq, String lastHash, boolean chainKeyed) {
        if (started || Files.exists(file)) {
            started = true;
            return;
        }
        if (chainKeyed) {
            log.warn("The audit anchors file {} is missing: a new one anchors only from now on", file.toAbsolutePath());
        }
        append(new AuditAnchor(AuditAnchor.Kind.KEYED_FROM, lastSeq, lastHash), Instant.now());
        started = true;
    }

    public synchronized void append(AuditAnchor anchor, Instant at) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(StandardCharsets.US_ASCII.encode(anchor.text() + " " + at + "\n"));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit anchors file " + file, e);
        }
    }

    public List<AuditAnchor> read() {
        try {
            return Files.exists(file) ? AuditAnchor.parseAll(Files.readString(file, StandardCharsets.US_ASCII)) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit anchors file " + file, e);
        }
    }

    /** Tests only: the chain was emptied, so its anchors go too. */
    public synchronized void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        started = false;
    }
}

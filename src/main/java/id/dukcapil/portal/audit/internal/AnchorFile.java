package id.dukcapil.portal.audit.internal;

import id.dukcapil.portal.audit.AuditAnchor;
import id.dukcapil.portal.shared.secret.MissingSharedSetting;
import id.dukcapil.portal.shared.secret.NodeScope;
import id.dukcapil.portal.shared.secret.SharedSetting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code audit-anchors.log}: appended to, never rewritten, outside the database. Its first line says where the keyed
 * part of the chain starts; each later one anchors the chain's head of a day. With several nodes there is one file
 * for all of them, in a folder they share ({@code AUDIT_ANCHORS_DIR}, required with an external database), so that the
 * verifier on any node reads every anchor. Appends take a lock on the file and skip an anchor the file already holds,
 * so two nodes anchoring at once neither tear a line nor write one twice.
 */
@Component
public class AnchorFile {

    static final String FILE_NAME = "audit-anchors.log";
    static final SharedSetting SETTING = new SharedSetting("the audit anchors folder", "AUDIT_ANCHORS_DIR",
            "portal.audit.anchors-dir");
    private static final Logger log = LoggerFactory.getLogger(AnchorFile.class);
    /**
     * A file lock belongs to the JVM, not to a thread or a channel: two holders of one file in this JVM (tests play two
     * nodes in one) take turns here before they take the file's lock, which keeps other processes out.
     */
    private static final Map<Path, Object> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path file;
    private volatile boolean started;

    AnchorFile(AuditProperties properties, NodeScope scope) {
        this.file = folder(properties, scope).resolve(FILE_NAME);
    }

    /**
     * The configured folder; or, on a node alone on its embedded database, its data folder.
     *
     * @throws MissingSharedSetting with an external database and no folder configured
     */
    static Path folder(AuditProperties properties, NodeScope scope) {
        Path configured = properties.anchorsDir();
        if (configured != null && !configured.toString().isBlank()) {
            return configured;
        }
        if (scope.aloneOnItsDatabase()) {
            return properties.dataDir();
        }
        Path local = properties.dataDir().resolve(FILE_NAME);
        throw new MissingSharedSetting(SETTING, "Set it to a folder every node mounts (shared storage such as NFS), "
                + "kept apart from the database and its backups; a single node may name a folder of its own."
                + (Files.exists(local) ? " This node has anchors in " + local.toAbsolutePath() + ": append that file"
                + " (and every other node's) to " + FILE_NAME + " in the new folder, so that they keep counting." : ""));
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
        if (started) {
            return;
        }
        AuditAnchor keyedFrom = new AuditAnchor(AuditAnchor.Kind.KEYED_FROM, lastSeq, lastHash);
        boolean wrote = write(keyedFrom, Instant.now(), true);
        if (wrote && chainKeyed) {
            log.warn("The audit anchors file {} was missing: a new one anchors only from now on", file.toAbsolutePath());
        }
        started = true;
    }

    /** Appends the anchor, unless the file holds it already (another node anchored the same head). */
    public void append(AuditAnchor anchor, Instant at) {
        write(anchor, at, false);
    }

    /** @return whether the line was written */
    private boolean write(AuditAnchor anchor, Instant at, boolean onlyIntoAnEmptyFile) {
        Object turn = IN_THIS_JVM.computeIfAbsent(file.toAbsolutePath().normalize(), path -> new Object());
        synchronized (turn) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                    String text = read(channel);
                    if (onlyIntoAnEmptyFile ? !text.isBlank() : AuditAnchor.parseAll(text).contains(anchor)) {
                        return false;
                    }
                    // A line cut short by a crash stays alone on its line; the next anchor starts a line of its own.
                    String prefix = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
                    channel.write(StandardCharsets.US_ASCII.encode(prefix + anchor.text() + " " + at + "\n"),
                            channel.size());
                    channel.force(true);
                    return true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the audit anchors file " + file, e);
            }
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(channel.size()));
        int read;
        do {
            read = channel.read(bytes);
        } while (read >= 0 && bytes.hasRemaining());
        return new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII);
    }

    public List<AuditAnchor> read() {
        try {
            return Files.exists(file) ? AuditAnchor.parseAll(Files.readString(file, StandardCharsets.US_ASCII)) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit anchors file " + file, e);
        }
    }

    /** Tests only: the chain was emptied, so its anchors go too. */
    public void forget() {
        synchronized (IN_THIS_JVM.computeIfAbsent(file.toAbsolutePath().normalize(), path -> new Object())) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            started = false;
        }
    }
}

package id.dukcapil.portal.audit;

import id.dukcapil.portal.audit.internal.AuditEntryReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * After {@code --restore} (decision 184), once the portal is ready on the restored data: the chain verified against its
 * anchors, and a report of the last entry, the entries per module, and what could not be verified (a broken link, a
 * plain-hash beginning, an anchor past the restored end, a chain shorter than the backup's head). Logged, and written
 * to {@code BACKUP_DIR/restore-reports/}.
 */
@Component
class RestoreReport {

    static final String RESTORED_FROM = "portal.backup.restored-from";
    private static final Logger log = LoggerFactory.getLogger(RestoreReport.class);

    private final Environment environment;
    private final AuditChainVerifier verifier;
    private final AuditEntryReader reader;

    RestoreReport(Environment environment, AuditChainVerifier verifier, AuditEntryReader reader) {
        this.environment = environment;
        this.verifier = verifier;
        this.reader = reader;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterRestore() {
        String from = environment.getProperty(RESTORED_FROM);
        if (from == null) {
            return;
        }
        List<String> lines = report(from);
        String text = String.join("\n", lines);
        log.info("RESTORE REPORT\n{}", text);
        String dir = environment.getProperty("portal.backup.dir", "");
        if (!dir.isBlank()) {
            try {
                Path folder = Files.createDirectories(Path.of(dir).resolve("restore-reports"));
                Files.writeString(folder.resolve(Instant.now().toString().replace(':', '-') + ".txt"), text + "\n",
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                log.warn("Could not write the restore report into {}", dir, e);
            }
        }
    }

    List<String> report(String from) {
        List<String> lines = new ArrayList<>();
        lines.add("restored from: " + from);
        lines.add("restored until: " + environment.getProperty("portal.backup.restored-until", "?"));
        lines.add("restore: " + environment.getProperty("portal.backup.restore-summary", "?"));
        // Read before the walk, which adds an entry of its own.
        var restoredLast = reader.last();
        Map<String, Long> counts = reader.countsByModule();
        ChainVerification chain = verifier.verifyAfterRestore();
        lines.add("audit chain: " + (chain.intact() ? "VERIFIED" : "BROKEN at " + chain.brokenAt() + ": " + chain.problem())
                + ", " + chain.entriesChecked() + " entries checked against " + chain.anchorsChecked() + " anchor(s)");
        restoredLast.ifPresentOrElse(
                last -> lines.add("last entry: #" + last.seq() + " at " + last.at() + ", " + last.action()),
                () -> lines.add("last entry: none (an empty chain)"));
        lines.add("entries per module: " + counts);
        List<String> unverified = new ArrayList<>();
        if (!chain.intact()) {
            unverified.add("the chain from entry " + chain.brokenAt() + " on (" + chain.problem() + ")");
        }
        if (chain.keyedFrom() == null || chain.keyedFrom() > 1) {
            unverified.add("entries before " + (chain.keyedFrom() == null ? "the end" : "#" + chain.keyedFrom())
                    + " carry a plain SHA-256, not the key's HMAC: linked, but not proven against the key");
        }
        if (chain.anchorsChecked() == 0) {
            unverified.add("no anchor outside the database held the chain");
        }
        String backupHead = environment.getProperty("portal.backup.restored-manifest.audit.chain-head-seq");
        long lastSeq = restoredLast.map(AuditEntryReader.LastEntry::seq).orElse(0L);
        if (backupHead != null && lastSeq < Long.parseLong(backupHead)) {
            unverified.add("the chain ends at #" + lastSeq + ", before the backup's head #" + backupHead);
        }
        lines.add("unverified: " + (unverified.isEmpty() ? "nothing" : String.join("; ", unverified)));
        return lines;
    }
}

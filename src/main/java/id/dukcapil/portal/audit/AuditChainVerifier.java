package id.dukcapil.portal.audit;

import id.dukcapil.portal.audit.ChainVerification.Problem;
import id.dukcapil.portal.audit.internal.AnchorFile;
import id.dukcapil.portal.audit.internal.AuditChainKey;
import id.dukcapil.portal.audit.internal.AuditEntryReader;
import id.dukcapil.portal.audit.internal.AuditHash;
import id.dukcapil.portal.shared.Roles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Walks the chain from its first entry: each entry's hash must match its content, link to the entry before
 * it, and the last must be where the chain head says. An edited, deleted or inserted row breaks one of these.
 * Entries since the key carry an HMAC that only the key's holder can recompute; and the chain must agree with
 * every anchor kept outside the database (the anchors file, anchors an auditor pastes from the ADMINs' e-mail),
 * so that even a rewrite by someone holding the key is found if it reaches back before an anchor (decision 075).
 */
@Service
public class AuditChainVerifier {

    private static final Logger log = LoggerFactory.getLogger(AuditChainVerifier.class);

    private final AuditEntryReader reader;
    private final AuditLog auditLog;
    private final AuditChainKey key;
    private final AnchorFile anchorFile;

    AuditChainVerifier(AuditEntryReader reader, AuditLog auditLog, AuditChainKey key, AnchorFile anchorFile) {
        this.reader = reader;
        this.auditLog = auditLog;
        this.key = key;
        this.anchorFile = anchorFile;
    }

    /** Against the anchors file. */
    @PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.MANAGER + "')")
    public ChainVerification verify() {
        return verify("");
    }

    /** The system's own check after a restore ({@link RestoreReport}): no one signed in, the same walk. */
    ChainVerification verifyAfterRestore() {
        return verify("");
    }

    /**
     * Against the anchors file and the anchors in {@code pastedAnchors} (any text: the ADMINs' anchor e-mails, an
     * auditor's notes; every {@code audit-anchor:<seq>:<hash>} in it counts).
     * Not one transaction: the walk streams the table, and its own result is then appended to the log.
     */
    @PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.MANAGER + "')")
    public ChainVerification verify(String pastedAnchors) {
        long started = System.nanoTime();
        List<AuditAnchor> anchors = new ArrayList<>(anchorFile.read());
        anchors.addAll(AuditAnchor.parseAll(pastedAnchors));
        AuditEntryReader.ChainHeadRow head = reader.head();
        Walk walk = new Walk(anchors);
        Mac mac = key.mac();
        reader.forEachLink(rs -> {
            if (walk.problem != null) {
                return;
            }
            long seq = rs.getLong("seq");
            walk.checked++;
            if (seq != walk.expectedSeq) {
                walk.fail(walk.expectedSeq, seq < walk.expectedSeq ? Problem.NOT_LINKED : Problem.MISSING);
                return;
            }
            String prevHash = rs.getString("prev_hash");
            String hash = rs.getString("hash");
            boolean keyed = AuditHash.HMAC_SHA256.equals(rs.getString("algorithm"));
            if (!keyed && (walk.keyedFrom != null || (walk.keyedAfter != null && seq > walk.keyedAfter))) {
                // Once keyed, always keyed: a plain hash here is a rewrite by someone without the key.
                walk.fail(seq, Problem.NOT_KEYED);
                return;
            }
            if (keyed && !key.id().equals(rs.getString("key_id"))) {
                walk.fail(seq, Problem.UNKNOWN_KEY);
                return;
            }
            String recomputed = recomputed(mac, rs);
            String anchored = walk.anchored.get(seq);
            if (!recomputed.equals(hash)) {
                walk.fail(seq, Problem.EDITED);
            } else if (!prevHash.equals(walk.lastHash)) {
                walk.fail(seq, Problem.NOT_LINKED);
            } else if (anchored != null && !anchored.equals(hash)) {
                walk.fail(seq, Problem.ANCHOR_MISMATCH);
            } else {
                if (keyed && walk.keyedFrom == null) {
                    walk.keyedFrom = seq;
                }
                walk.lastHash = hash;
                walk.expectedSeq++;
            }
        });
        long walked = walk.expectedSeq - 1;
        if (walk.problem == null && (walked != head.lastSeq() || !walk.lastHash.equals(head.lastHash()))) {
            // Entries beyond the head were added; entries short of it were cut off.
            walk.fail(walked > head.lastSeq() ? head.lastSeq() + 1 : walked < head.lastSeq() ? walked + 1 : walked,
                    Problem.HEAD_MISMATCH);
        }
        if (walk.problem == null) {
            // An anchor beyond the end: the chain was cut back (and perhaps rewritten) past it.
            walk.anchored.keySet().stream().filter(seq -> seq > walked).min(Long::compare)
                    .ifPresent(seq -> walk.fail(seq, Problem.ANCHOR_MISMATCH));
        }
        ChainVerification result = new ChainVerification(walk.checked, walk.brokenAt, walk.problem,
                (System.nanoTime() - started) / 1_000_000, walk.keyedFrom, anchors.size());
        try {
            auditLog.record(new AuditRecord("audit.chain.verified", "AuditChain", Long.toString(head.lastSeq()),
                    result.intact() ? Outcome.SUCCESS : Outcome.FAILURE,
                    result.intact() ? result.entriesChecked() + " entries intact"
                            : "broken at " + result.brokenAt() + ": " + result.problem()));
        } catch (DataAccessException e) {
            // A row forged beyond the chain head takes the next position: the result must still reach the user.
            log.error("The audit chain is broken ({}) and could not record its own verification", result, e);
        }
        return result;
    }

    /**
     * The hash a row of {@code audit_entry} (with its links) must have: its content and its previous entry's hash,
     * under the chain key when the row says it is keyed.
     */
    static String recomputed(Mac mac, ResultSet rs) throws SQLException {
        Instant at = rs.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC);
        String prevHash = rs.getString("prev_hash");
        long seq = rs.getLong("seq");
        return AuditHash.HMAC_SHA256.equals(rs.getString("algorithm"))
                ? AuditHash.mac(mac, prevHash, seq, at, rs.getString("actor_type"), rs.getString("actor_id"),
                        rs.getString("actor_name"), rs.getString("actor_roles"), rs.getString("service_point"),
                        rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
                        rs.getString("outcome"), rs.getString("detail"))
                : AuditHash.of(prevHash, seq, at, rs.getString("actor_type"), rs.getString("actor_id"),
                        rs.getString("actor_name"), rs.getString("actor_roles"), rs.getString("service_point"),
                        rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
                        rs.getString("outcome"), rs.getString("detail"));
    }

    private static final class Walk {
        long expectedSeq = 1;
        long checked;
        String lastHash = AuditHash.GENESIS;
        @Nullable Long brokenAt;
        @Nullable Problem problem;
        /** The first keyed entry seen. */
        @Nullable Long keyedFrom;
        /** From the anchors: every entry after this one must be keyed. */
        @Nullable Long keyedAfter;
        /** Position → the hash it must have. */
        final Map<Long, String> anchored = new HashMap<>();

        Walk(List<AuditAnchor> anchors) {
            for (AuditAnchor anchor : anchors) {
                if (anchor.seq() > 0) {
                    anchored.merge(anchor.seq(), anchor.hash(), (one, other) -> one.equals(other) ? one : "conflict");
                }
                if (anchor.kind() == AuditAnchor.Kind.KEYED_FROM) {
                    keyedAfter = keyedAfter == null ? anchor.seq() : Math.min(keyedAfter, anchor.seq());
                }
            }
        }

        void fail(long at, Problem what) {
            brokenAt = at;
            problem = what;
        }
    }
}

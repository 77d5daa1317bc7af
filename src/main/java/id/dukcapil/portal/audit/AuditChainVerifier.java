package id.dukcapil.portal.audit;

import id.dukcapil.portal.audit.ChainVerification.Problem;
import id.dukcapil.portal.audit.internal.AuditEntryReader;
import id.dukcapil.portal.audit.internal.AuditHash;
import id.dukcapil.portal.shared.Roles;
import java.time.LocalDateTime;
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
 */
@Service
public class AuditChainVerifier {

    private static final Logger log = LoggerFactory.getLogger(AuditChainVerifier.class);

    private final AuditEntryReader reader;
    private final AuditLog auditLog;

    AuditChainVerifier(AuditEntryReader reader, AuditLog auditLog) {
        this.reader = reader;
        this.auditLog = auditLog;
    }

    /** Not one transaction: the walk streams the table, and its own result is then appended to the log. */
    @PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.MANAGER + "')")
    public ChainVerification verify() {
        long started = System.nanoTime();
        AuditEntryReader.ChainHeadRow head = reader.head();
        Walk walk = new Walk();
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
            String recomputed = AuditHash.of(prevHash, seq,
                    rs.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                    rs.getString("actor_type"), rs.getString("actor_id"), rs.getString("actor_name"),
                    rs.getString("actor_roles"), rs.getString("service_point"), rs.getString("action"),
                    rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("outcome"),
                    rs.getString("detail"));
            if (!recomputed.equals(hash)) {
                walk.fail(seq, Problem.EDITED);
            } else if (!prevHash.equals(walk.lastHash)) {
                walk.fail(seq, Problem.NOT_LINKED);
            } else {
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
        ChainVerification result = new ChainVerification(walk.checked, walk.brokenAt, walk.problem,
                (System.nanoTime() - started) / 1_000_000);
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

    private static final class Walk {
        long expectedSeq = 1;
        long checked;
        String lastHash = AuditHash.GENESIS;
        @Nullable Long brokenAt;
        @Nullable Problem problem;

        void fail(long at, Problem what) {
            brokenAt = at;
            problem = what;
        }
    }
}

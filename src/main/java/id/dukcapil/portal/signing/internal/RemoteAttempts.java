package id.dukcapil.portal.signing.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The journal of documents sent to a remote signer ({@code signing_remote_attempt}): an attempt is written, and
 * committed, before the document leaves, so that neither a time-out nor a crash hides that it left.
 */
@Component
public class RemoteAttempts {

    public enum State {
        /** On its way, or its node died before the answer. */
        SENT,
        /** Left, and no answer came (a time-out, a cut connection, a gateway's error): it may have been signed. */
        UNKNOWN,
        /** The signer answered that it did not sign, or the document never left. */
        REFUSED,
        /** Signed, checked and committed with the document. */
        SIGNED,
        /** Signed, but the document had been signed or returned meanwhile: not stored. */
        DISCARDED,
        /** An unknown outcome looked at before the document was sent again: its answer never reached the portal. */
        RECONCILED
    }

    public record Attempt(long id, long documentId, long batchId, String sessionId, String sentSha256,
                          Instant sentAt, State state) {
    }

    private final JdbcClient jdbc;

    RemoteAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Outside any transaction on purpose: the record must exist before the document leaves. */
    public long sent(long documentId, long batchId, String sessionId, String sentSha256, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO signing_remote_attempt (document_id, batch_id, session_id, sent_sha256, sent_at, state)
                VALUES (?, ?, ?, ?, ?, 'SENT')""")
                .params(documentId, batchId, sessionId, sentSha256, utc(at)).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Closes an open attempt; an attempt already closed stays as it is. */
    public boolean resolve(long id, State state, @Nullable String note, Instant at) {
        return jdbc.sql("""
                UPDATE signing_remote_attempt SET state = ?, note = ?, resolved_at = ?
                WHERE id = ? AND state IN ('SENT', 'UNKNOWN')""")
                .params(state.name(), note == null ? null : cut(note), utc(at), id).update() == 1;
    }

    /** A time-out is not an answer: the attempt stays open, as unknown. */
    public void unknown(long id, String note) {
        jdbc.sql("UPDATE signing_remote_attempt SET state = 'UNKNOWN', note = ? WHERE id = ? AND state = 'SENT'")
                .params(cut(note), id).update();
    }

    /** The document's attempts whose outcome nobody knows yet, the oldest first. */
    public List<Attempt> open(long documentId) {
        return jdbc.sql("""
                SELECT id, document_id, batch_id, session_id, sent_sha256, sent_at, state FROM signing_remote_attempt
                WHERE document_id = ? AND state IN ('SENT', 'UNKNOWN') ORDER BY id""")
                .param(documentId)
                .query((rs, n) -> new Attempt(rs.getLong("id"), rs.getLong("document_id"), rs.getLong("batch_id"),
                        rs.getString("session_id"), rs.getString("sent_sha256"), instant(rs, "sent_at"),
                        State.valueOf(rs.getString("state"))))
                .list();
    }

    /** Whether the batch is running now on some node (its lease is alive, by the database's clock). */
    public boolean batchRunning(long batchId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM signing_batch
                WHERE id = ? AND finished_at IS NULL AND lease_until >= UTC_TIMESTAMP(3)""")
                .param(batchId).query(Integer.class).single() > 0;
    }

    public int count(long documentId, State state) {
        return jdbc.sql("SELECT COUNT(*) FROM signing_remote_attempt WHERE document_id = ? AND state = ?")
                .params(documentId, state.name()).query(Integer.class).single();
    }

    private static String cut(String note) {
        return note.length() <= 500 ? note : note.substring(0, 500);
    }
}

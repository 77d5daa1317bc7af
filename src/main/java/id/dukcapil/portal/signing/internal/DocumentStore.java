package id.dukcapil.portal.signing.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instantOrNull;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import id.dukcapil.portal.signing.DocumentOutcome;
import id.dukcapil.portal.signing.DocumentState;
import id.dukcapil.portal.signing.QueuedDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Documents, their signed PDFs and the batches ({@code signing_document*}, {@code signing_batch*}). */
@Component
public class DocumentStore {

    private static final String COLUMNS = """
            id, number, token, kind, source_type, source_id, kk_number, holder_name, holder_nik, state, queued_at,
            queued_by, due_at, signed_at, signed_by, certificate_id, superseded_by, revoked_reason, last_error""";
    private static final int ERROR_MAX_LENGTH = 500;
    private static final int ITEMS_PER_INSERT = 500;

    /** A document row as stored. */
    public record DocumentRow(long id, String number, String token, String kind, String sourceType, String sourceId,
                              String kkNumber, String holderName, String holderNik, DocumentState state,
                              Instant queuedAt, String queuedBy, Instant dueAt, @Nullable Instant signedAt,
                              @Nullable String signedBy, @Nullable Long certificateId, @Nullable Long supersededBy,
                              @Nullable String revokedReason, @Nullable String lastError) {
    }

    /**
     * An unfinished batch: interrupted, or still running.
     *
     * @param leased whether a node's lease on it is still alive, by the database's clock: it runs there
     */
    public record BatchRow(long id, String startedBy, Instant startedAt, int total, int open, boolean leased) {
    }

    private final JdbcClient jdbc;

    DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String token, String kind, String sourceType, String sourceId, String subject,
                       String holderName, String holderNik, Instant queuedAt, String queuedBy, Instant dueAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO signing_document (token, kind, source_type, source_id, kk_number, holder_name, holder_nik,
                    state, queued_at, queued_by, due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?)""")
                .params(token, kind, sourceType, sourceId, subject, holderName, holderNik, utc(queuedAt), queuedBy,
                        utc(dueAt))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public void setNumber(long id, String number) {
        jdbc.sql("UPDATE signing_document SET number = ? WHERE id = ?").params(number, id).update();
    }

    public Optional<DocumentRow> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signing_document WHERE id = ?").param(id)
                .query(DocumentStore::row).optional();
    }

    public Optional<DocumentRow> findByToken(String token) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signing_document WHERE token = ?").param(token)
                .query(DocumentStore::row).optional();
    }

    public Optional<DocumentRow> findSignedBySha256(String sha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signing_document WHERE pdf_sha256 = ? LIMIT 1").param(sha256)
                .query(DocumentStore::row).optional();
    }

    public Optional<DocumentRow> findQueuedBySource(String sourceType, String sourceId) {
        return jdbc.sql("SELECT " + COLUMNS + " " + """
                 FROM signing_document WHERE source_type = ? AND source_id = ? AND state = 'QUEUED'""")
                .params(sourceType, sourceId).query(DocumentStore::row).optional();
    }

    /** The queue, the earliest due first: overdue documents come before the others. */
    public List<QueuedDocument> queue(long offset, int limit) {
        return jdbc.sql("""
                SELECT id, number, kind, kk_number, holder_name, holder_nik, source_type, source_id, queued_at, due_at,
                       last_error
                FROM signing_document WHERE state = 'QUEUED' ORDER BY due_at, id LIMIT ? OFFSET ?""")
                .params(limit, offset)
                .query((rs, n) -> new QueuedDocument(rs.getLong("id"), rs.getString("number"), rs.getString("kind"),
                        rs.getString("kk_number"), rs.getString("holder_name"), rs.getString("holder_nik"),
                        rs.getString("source_type"),
                        rs.getString("source_id"), instant(rs, "queued_at"), instant(rs, "due_at"),
                        rs.getString("last_error")))
                .list();
    }

    /** Waiting documents, and those of them past their due time. */
    public int[] queueCounts(Instant now) {
        return jdbc.sql("""
                SELECT COUNT(*), COALESCE(SUM(due_at < ?), 0) FROM signing_document WHERE state = 'QUEUED'""")
                .param(utc(now))
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }

    public List<Long> queuedIds() {
        return jdbc.sql("SELECT id FROM signing_document WHERE state = 'QUEUED' ORDER BY due_at, id")
                .query(Long.class).list();
    }

    /** The claim that makes signing idempotent: only a still queued document becomes signed, once. */
    public boolean markSigned(long id, Instant at, String by, long certificateId, String pdfSha256) {
        return jdbc.sql("""
                UPDATE signing_document SET state = 'SIGNED', signed_at = ?, signed_by = ?, certificate_id = ?,
                    pdf_sha256 = ?, last_error = NULL
                WHERE id = ? AND state = 'QUEUED'""")
                .params(utc(at), by, certificateId, pdfSha256, id).update() == 1;
    }

    /**
     * Whether the document is signed with exactly this file: an earlier try of the same commit went through and only
     * its answer was lost (no other signature makes the same file).
     */
    public boolean isSignedAs(long id, String pdfSha256) {
        return jdbc.sql("SELECT COUNT(*) FROM signing_document WHERE id = ? AND state = 'SIGNED' AND pdf_sha256 = ?")
                .params(id, pdfSha256).query(Integer.class).single() == 1;
    }

    public void insertPdf(long id, byte[] pdf) {
        jdbc.sql("INSERT INTO signing_document_pdf (document_id, pdf) VALUES (?, ?)").params(id, pdf).update();
    }

    public Optional<byte[]> pdf(long id) {
        return jdbc.sql("SELECT pdf FROM signing_document_pdf WHERE document_id = ?").param(id)
                .query(byte[].class).optional();
    }

    /** Older signed documents of the same kind and subject (a family's earlier cards) now point to the new one. */
    public int supersede(String kind, String subject, long newId) {
        return jdbc.sql("""
                UPDATE signing_document SET superseded_by = ?
                WHERE kind = ? AND kk_number = ? AND state = 'SIGNED' AND id <> ? AND superseded_by IS NULL""")
                .params(newId, kind, subject, newId).update();
    }

    public boolean markReturned(long id, Instant at, String by, String reason) {
        return jdbc.sql("""
                UPDATE signing_document SET state = 'RETURNED', returned_at = ?, returned_by = ?, return_reason = ?
                WHERE id = ? AND state = 'QUEUED'""")
                .params(utc(at), by, reason, id).update() == 1;
    }

    /** Whether the document was sent back by this person for this reason: "sent back" is then the true answer. */
    public boolean isReturnedAs(long id, String by, String reason) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM signing_document
                WHERE id = ? AND state = 'RETURNED' AND returned_by = ? AND return_reason = ?""")
                .params(id, by, reason).query(Integer.class).single() == 1;
    }

    public boolean markRevoked(long id, Instant at, String reason) {
        return jdbc.sql("""
                UPDATE signing_document SET state = 'REVOKED', revoked_at = ?, revoked_reason = ?
                WHERE id = ? AND state = 'SIGNED'""")
                .params(utc(at), reason, id).update() == 1;
    }

    public void recordError(long id, String error) {
        jdbc.sql("UPDATE signing_document SET last_error = ? WHERE id = ? AND state = 'QUEUED'")
                .params(cut(error), id).update();
    }

    /**
     * The batch and its items in one transaction, the items a few hundred per statement (not one commit each); the
     * batch leased to {@code runner} from the start ({@link BatchLeases}).
     */
    @Transactional
    public long insertBatch(String startedBy, Instant startedAt, List<Long> documentIds, String runner,
                            Duration lease) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO signing_batch (started_by, started_at, total, runner, lease_until)
                        VALUES (?, ?, ?, ?, UTC_TIMESTAMP(3) + INTERVAL ? MICROSECOND)""")
                .params(startedBy, utc(startedAt), documentIds.size(), runner, lease.toNanos() / 1_000)
                .update(key, "id");
        long batchId = key.getKeyAs(Number.class).longValue();
        for (int from = 0; from < documentIds.size(); from += ITEMS_PER_INSERT) {
            List<Long> chunk = documentIds.subList(from, Math.min(documentIds.size(), from + ITEMS_PER_INSERT));
            List<Object> params = new ArrayList<>(chunk.size() * 2);
            chunk.forEach(documentId -> {
                params.add(batchId);
                params.add(documentId);
            });
            jdbc.sql("INSERT INTO signing_batch_item (batch_id, document_id, outcome) VALUES "
                            + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, 'PENDING')")))
                    .params(params).update();
        }
        return batchId;
    }

    public void recordOutcome(long batchId, long documentId, DocumentOutcome.Result result, @Nullable String message) {
        // Typed: a null without a type makes the driver look the type up, and MariaDB's driver throws doing so.
        jdbc.sql("UPDATE signing_batch_item SET outcome = ?, message = ? WHERE batch_id = ? AND document_id = ?")
                .param(1, result.name()).param(2, message == null ? null : cut(message), Types.VARCHAR)
                .param(3, batchId).param(4, documentId).update();
    }

    public void finishBatch(long batchId, Instant at) {
        jdbc.sql("UPDATE signing_batch SET finished_at = ? WHERE id = ? AND finished_at IS NULL")
                .params(utc(at), batchId).update();
    }

    public List<BatchRow> unfinishedBatches() {
        return jdbc.sql("""
                SELECT b.id, b.started_by, b.started_at, b.total,
                    (SELECT COUNT(*) FROM signing_batch_item i JOIN signing_document d ON d.id = i.document_id
                     WHERE i.batch_id = b.id AND i.outcome IN ('PENDING', 'FAILED') AND d.state = 'QUEUED') AS open_items,
                    COALESCE(b.lease_until >= UTC_TIMESTAMP(3), FALSE) AS leased
                FROM signing_batch b WHERE b.finished_at IS NULL ORDER BY b.started_at, b.id""")
                .query((rs, n) -> new BatchRow(rs.getLong("id"), rs.getString("started_by"),
                        instant(rs, "started_at"), rs.getInt("total"), rs.getInt("open_items"),
                        rs.getBoolean("leased")))
                .list();
    }

    public Optional<BatchRow> unfinishedBatch(long batchId) {
        return unfinishedBatches().stream().filter(batch -> batch.id() == batchId).findFirst();
    }

    /** What a resumed batch still has to do: its documents not yet signed that are still queued. */
    public List<Long> openItems(long batchId) {
        return jdbc.sql("""
                SELECT i.document_id FROM signing_batch_item i JOIN signing_document d ON d.id = i.document_id
                WHERE i.batch_id = ? AND i.outcome IN ('PENDING', 'FAILED') AND d.state = 'QUEUED'
                ORDER BY d.due_at, d.id""")
                .param(batchId).query(Long.class).list();
    }

    private static DocumentRow row(ResultSet rs, int n) throws SQLException {
        long certificateId = rs.getLong("certificate_id");
        Long certificate = rs.wasNull() ? null : certificateId;
        long supersededById = rs.getLong("superseded_by");
        Long supersededBy = rs.wasNull() ? null : supersededById;
        return new DocumentRow(rs.getLong("id"), rs.getString("number"), rs.getString("token"), rs.getString("kind"),
                rs.getString("source_type"), rs.getString("source_id"), rs.getString("kk_number"),
                rs.getString("holder_name"), rs.getString("holder_nik"), DocumentState.valueOf(rs.getString("state")),
                instant(rs, "queued_at"), rs.getString("queued_by"), instant(rs, "due_at"),
                instantOrNull(rs, "signed_at"), rs.getString("signed_by"), certificate, supersededBy,
                rs.getString("revoked_reason"), rs.getString("last_error"));
    }

    private static String cut(String text) {
        return text.length() <= ERROR_MAX_LENGTH ? text : text.substring(0, ERROR_MAX_LENGTH);
    }
}

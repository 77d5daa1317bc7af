package id.dukcapil.portal.kkprint.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instantOrNull;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import id.dukcapil.portal.kkprint.ReleaseState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The QR + PIN releases and the signed documents they release. */
@Repository
public class ReleaseStore {

    private final JdbcClient jdbc;

    ReleaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Release(long id, long requestId, String qrContent, String pinHash, ReleaseState state,
                          int failedAttempts, Instant createdAt, Instant expiresAt, @Nullable Instant releasedAt,
                          @Nullable Long kioskId) {
    }

    public void saveDocument(long requestId, byte[] signedPdf, Instant signedAt, String signedBy) {
        jdbc.sql("INSERT INTO kkprint_document (request_id, signed_pdf, signed_at, signed_by) VALUES (?, ?, ?, ?)")
                .params(requestId, signedPdf, utc(signedAt), signedBy).update();
    }

    public Optional<byte[]> document(long requestId) {
        return jdbc.sql("SELECT signed_pdf FROM kkprint_document WHERE request_id = ?").param(requestId)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    public void insert(long requestId, String qrContent, String pinHash, Instant createdAt, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO kkprint_release (request_id, qr_content, pin_hash, state, created_at, expires_at)
                        VALUES (?, ?, ?, 'ACTIVE', ?, ?)""")
                .params(requestId, qrContent, pinHash, utc(createdAt), utc(expiresAt)).update();
    }

    /** The release for this QR content, locked until the transaction ends: PIN attempts on it queue up. */
    public Optional<Release> findForUpdate(String qrContent) {
        return jdbc.sql("SELECT * FROM kkprint_release WHERE qr_content = ? FOR UPDATE").param(qrContent)
                .query(ReleaseStore::row).optional();
    }

    public Optional<Release> latest(long requestId) {
        return jdbc.sql("SELECT * FROM kkprint_release WHERE request_id = ? ORDER BY id DESC LIMIT 1")
                .param(requestId).query(ReleaseStore::row).optional();
    }

    /** One more wrong PIN, counted where it is stored, never as a number read before (the row is locked anyway). */
    public void failedAttempt(long id, ReleaseState state) {
        jdbc.sql("UPDATE kkprint_release SET failed_attempts = failed_attempts + 1, state = ? WHERE id = ?")
                .params(state.name(), id).update();
    }

    public void released(long id, Instant at, long kioskId) {
        jdbc.sql("UPDATE kkprint_release SET state = 'RELEASED', released_at = ?, kiosk_id = ? WHERE id = ?")
                .params(utc(at), kioskId, id).update();
    }

    /** Ends every still-usable release of the request (a new PIN voids the old; a revocation ends all). */
    public int endActive(long requestId, ReleaseState state) {
        return jdbc.sql("UPDATE kkprint_release SET state = ? WHERE request_id = ? AND state IN ('ACTIVE', 'LOCKED')")
                .params(state.name(), requestId).update();
    }

    /** Active releases past their expiry, at most {@code limit}. */
    public List<Release> expired(Instant now, int limit) {
        return jdbc.sql("SELECT * FROM kkprint_release WHERE state = 'ACTIVE' AND expires_at < ? ORDER BY expires_at LIMIT ?")
                .params(utc(now), limit).query(ReleaseStore::row).list();
    }

    /** Active releases that expire before {@code before} and whose holder has not been reminded, oldest first. */
    public List<Release> expiringUnreminded(Instant now, Instant before, int limit) {
        return jdbc.sql("""
                SELECT * FROM kkprint_release WHERE state = 'ACTIVE' AND reminded_at IS NULL
                AND expires_at >= ? AND expires_at < ? ORDER BY expires_at LIMIT ?""")
                .params(utc(now), utc(before), limit).query(ReleaseStore::row).list();
    }

    /** Claims the reminder of a release: false if another run (another node) sent it first. */
    public boolean markReminded(long id, Instant at) {
        return jdbc.sql("UPDATE kkprint_release SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL")
                .params(utc(at), id).update() == 1;
    }

    private static Release row(ResultSet rs, int rowNum) throws SQLException {
        return new Release(rs.getLong("id"), rs.getLong("request_id"), rs.getString("qr_content"),
                rs.getString("pin_hash"), ReleaseState.valueOf(rs.getString("state")), rs.getInt("failed_attempts"),
                instant(rs, "created_at"), instant(rs, "expires_at"), instantOrNull(rs, "released_at"),
                rs.getObject("kiosk_id", Long.class));
    }
}

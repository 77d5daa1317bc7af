package id.dukcapil.portal.signing.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import id.dukcapil.portal.signing.CertificateInfo;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The uploaded certificates ({@code signing_certificate}). */
@Component
public class CertificateStore {

    private static final String COLUMNS = """
            id, subject, issuer, serial_number, not_before, not_after, holder_name, holder_position, holder_nip,
            status, uploaded_at, uploaded_by, revoked_reason""";

    public record NewCertificate(String subject, String issuer, String serialNumber, Instant notBefore,
                                 Instant notAfter, String holderName, String holderPosition, String holderNip,
                                 byte[] certificateDer, String certificateSha256, byte @Nullable [] sealedPkcs12,
                                 Instant uploadedAt, String uploadedBy) {
    }

    private final JdbcClient jdbc;

    CertificateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the new certificate as the active one; the previous active one retires. */
    public long insertActive(NewCertificate certificate) {
        jdbc.sql("UPDATE signing_certificate SET status = 'RETIRED' WHERE status = 'ACTIVE'").update();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO signing_certificate (subject, issuer, serial_number, not_before, not_after, holder_name,
                    holder_position, holder_nip, certificate_der, certificate_sha256, pkcs12_sealed, status,
                    uploaded_at, uploaded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)""")
                .params(certificate.subject(), certificate.issuer(), certificate.serialNumber(),
                        utc(certificate.notBefore()), utc(certificate.notAfter()), certificate.holderName(),
                        certificate.holderPosition(), certificate.holderNip(), certificate.certificateDer(),
                        certificate.certificateSha256(), certificate.sealedPkcs12(), utc(certificate.uploadedAt()),
                        certificate.uploadedBy())
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /**
     * Keeps a certificate BSrE signed with (no key file: BSrE holds the key), once; its id. Two documents signed at
     * once may both find it new: the second insert meets the unique hash and reads the first.
     */
    public long registerRemote(NewCertificate certificate) {
        Optional<CertificateInfo> known = findBySha256(certificate.certificateSha256());
        if (known.isPresent()) {
            return known.get().id();
        }
        try {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO signing_certificate (subject, issuer, serial_number, not_before, not_after, holder_name,
                        holder_position, holder_nip, certificate_der, certificate_sha256, status, uploaded_at,
                        uploaded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'BSRE', ?, ?)""")
                    .params(certificate.subject(), certificate.issuer(), certificate.serialNumber(),
                            utc(certificate.notBefore()), utc(certificate.notAfter()), certificate.holderName(),
                            certificate.holderPosition(), certificate.holderNip(), certificate.certificateDer(),
                            certificate.certificateSha256(), utc(certificate.uploadedAt()), certificate.uploadedBy())
                    .update(key, "id");
            return key.getKeyAs(Number.class).longValue();
        } catch (org.springframework.dao.DuplicateKeyException registeredMeanwhile) {
            return findBySha256(certificate.certificateSha256()).orElseThrow().id();
        }
    }

    public boolean exists(String certificateSha256) {
        return jdbc.sql("SELECT COUNT(*) FROM signing_certificate WHERE certificate_sha256 = ?")
                .param(certificateSha256).query(Integer.class).single() > 0;
    }

    public List<CertificateInfo> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signing_certificate ORDER BY uploaded_at DESC, id DESC")
                .query(CertificateStore::info).list();
    }

    public Optional<CertificateInfo> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signing_certificate WHERE id = ?").param(id)
                .query(CertificateStore::info).optional();
    }

    /**
     * The newest uploaded certificate that is not retired: the one that signs, or the revoked one that may not.
     * BSrE's certificates are not uploaded: BSrE signs with them.
     */
    public Optional<CertificateInfo> current() {
        return jdbc.sql("SELECT " + COLUMNS + " " + """
                 FROM signing_certificate WHERE status IN ('ACTIVE', 'REVOKED')
                 ORDER BY uploaded_at DESC, id DESC LIMIT 1""")
                .query(CertificateStore::info).optional();
    }

    public Optional<CertificateInfo> findBySha256(String certificateSha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signing_certificate WHERE certificate_sha256 = ?")
                .param(certificateSha256).query(CertificateStore::info).optional();
    }

    public byte[] sealedPkcs12(long id) {
        return jdbc.sql("SELECT pkcs12_sealed FROM signing_certificate WHERE id = ?").param(id)
                .query(byte[].class).single();
    }

    public int revoke(long id, Instant at, String reason) {
        return jdbc.sql("""
                UPDATE signing_certificate SET status = 'REVOKED', revoked_at = ?, revoked_reason = ?
                WHERE id = ? AND status <> 'REVOKED'""")
                .params(utc(at), reason, id).update();
    }

    private static CertificateInfo info(ResultSet rs, int row) throws SQLException {
        return new CertificateInfo(rs.getLong("id"), rs.getString("subject"), rs.getString("issuer"),
                rs.getString("serial_number"), instant(rs, "not_before"),
                instant(rs, "not_after"), rs.getString("holder_name"), rs.getString("holder_position"),
                rs.getString("holder_nip"), CertificateInfo.Status.valueOf(rs.getString("status")),
                instant(rs, "uploaded_at"), rs.getString("uploaded_by"), rs.getString("revoked_reason"));
    }

}

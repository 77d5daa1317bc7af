package id.dukcapil.portal.signing.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** {@link SigningCertificateSql} with {@link JdbcClient}. */
class SigningCertificateSqlImpl implements SigningCertificateSql {

    private final JdbcClient jdbc;

    SigningCertificateSqlImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long insertActive(NewCertificate certificate) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO signing_certificate (subject, issuer, serial_number, not_before, not_after, holder_name,
                    holder_position, holder_nip, certificate_der, certificate_sha256, pkcs12_sealed, status,
                    uploaded_at, uploaded_by, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, 0)""")
                .params(certificate.subject(), certificate.issuer(), certificate.serialNumber(),
                        utc(certificate.notBefore()), utc(certificate.notAfter()), certificate.holderName(),
                        certificate.holderPosition(), certificate.holderNip(), certificate.certificateDer(),
                        certificate.certificateSha256(), certificate.sealedPkcs12(), utc(certificate.uploadedAt()),
                        certificate.uploadedBy())
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    @Override
    public long registerRemote(NewCertificate certificate) {
        jdbc.sql("""
                INSERT IGNORE INTO signing_certificate (subject, issuer, serial_number, not_before, not_after,
                    holder_name, holder_position, holder_nip, certificate_der, certificate_sha256, status, uploaded_at,
                    uploaded_by, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'BSRE', ?, ?, 0)""")
                .params(certificate.subject(), certificate.issuer(), certificate.serialNumber(),
                        utc(certificate.notBefore()), utc(certificate.notAfter()), certificate.holderName(),
                        certificate.holderPosition(), certificate.holderNip(), certificate.certificateDer(),
                        certificate.certificateSha256(), utc(certificate.uploadedAt()), certificate.uploadedBy())
                .update();
        return jdbc.sql("SELECT id FROM signing_certificate WHERE certificate_sha256 = ?")
                .param(certificate.certificateSha256()).query(Long.class).single();
    }

    @Override
    public Optional<byte[]> sealedPkcs12(long id) {
        return jdbc.sql("SELECT pkcs12_sealed FROM signing_certificate WHERE id = ? AND pkcs12_sealed IS NOT NULL")
                .param(id).query((rs, n) -> rs.getBytes(1)).optional();
    }
}

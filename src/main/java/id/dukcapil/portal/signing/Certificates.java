package id.dukcapil.portal.signing;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Sha256;
import id.dukcapil.portal.signing.internal.SigningCertificateEntity;
import id.dukcapil.portal.signing.internal.SigningCertificateRepository;
import org.springframework.dao.OptimisticLockingFailureException;
import id.dukcapil.portal.signing.internal.Pkcs12;
import id.dukcapil.portal.signing.internal.Sealer;
import id.dukcapil.portal.signing.internal.CertificateNames;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ADMIN: the Kepala Dinas's signing certificates. An upload is opened once with its passphrase to check it and
 * read the certificate, then stored sealed, as uploaded; the passphrase is not kept.
 */
@Service
public class Certificates {

    /** A PKCS#12 file of a person's key and a few certificates is a few kilobytes. */
    public static final int MAX_UPLOAD_BYTES = 64 * 1024;
    private static final java.util.regex.Pattern NIP = java.util.regex.Pattern.compile("\\d{18}");

    private final SigningCertificateRepository store;
    private final Sealer sealer;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final Clock clock;

    Certificates(SigningCertificateRepository store, Sealer sealer, AuditLog auditLog, CurrentActor currentActor, Clock clock) {
        this.store = store;
        this.sealer = sealer;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /**
     * Stores a new PKCS#12 file as the active signing certificate (the previous one retires). Refused: too large,
     * not a PKCS#12 file, a wrong passphrase, an expired certificate, one already uploaded, a NIP that is not 18
     * digits.
     */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional
    public CertificateInfo upload(byte[] pkcs12, char[] passphrase, String holderPosition, String holderNip) {
        return register(pkcs12, passphrase, holderPosition, holderNip, currentActor.id());
    }

    /** The upload itself, also used by the demo set-up at first start (no one is signed in then). */
    @Transactional
    CertificateInfo register(byte[] pkcs12, char[] passphrase, String holderPosition, String holderNip,
                             String uploadedBy) {
        try {
            if (pkcs12.length > MAX_UPLOAD_BYTES) {
                throw new RuleViolation("signing.certificate.too-large", MAX_UPLOAD_BYTES / 1024);
            }
            String position = holderPosition.strip();
            String nip = holderNip.replaceAll("\\s", "");
            if (position.isEmpty() || position.length() > CertificateInfo.POSITION_MAX_LENGTH) {
                throw new RuleViolation("signing.certificate.position.invalid", CertificateInfo.POSITION_MAX_LENGTH);
            }
            if (!NIP.matcher(nip).matches()) {
                throw new RuleViolation("signing.certificate.nip.invalid");
            }
            SigningKey key = Pkcs12.open(pkcs12, passphrase);
            X509Certificate certificate = key.certificate();
            Instant now = clock.instant();
            if (!now.isBefore(certificate.getNotAfter().toInstant())) {
                throw new RuleViolation("signing.certificate.expired", certificate.getNotAfter().toInstant().toString());
            }
            String sha256 = sha256(certificate);
            if (store.existsByCertificateSha256(sha256)) {
                throw new RuleViolation("signing.certificate.duplicate");
            }
            store.findByStatus(CertificateInfo.Status.ACTIVE).forEach(SigningCertificateEntity::retire);
            store.flush(); // retired before the new one is inserted beside it
            long id = store.insertActive(new SigningCertificateRepository.NewCertificate(
                    certificate.getSubjectX500Principal().getName(), certificate.getIssuerX500Principal().getName(),
                    certificate.getSerialNumber().toString(16), certificate.getNotBefore().toInstant(),
                    certificate.getNotAfter().toInstant(), CertificateNames.commonName(certificate), position, nip,
                    encoded(certificate), sha256, sealer.seal(pkcs12), now, uploadedBy));
            auditLog.record(AuditRecord.success("signing.certificate.uploaded", "SigningCertificate", String.valueOf(id))
                    .withDetail("%s, serial %s, valid until %s".formatted(CertificateNames.commonName(certificate),
                            certificate.getSerialNumber().toString(16), certificate.getNotAfter().toInstant())));
            return store.info(id).orElseThrow();
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional(readOnly = true)
    public List<CertificateInfo> all() {
        return store.all();
    }

    /** The certificate that signs now, or the revoked one that stops signing; for ADMIN and HEAD. */
    @PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.HEAD + "')")
    @Transactional(readOnly = true)
    public Optional<CertificateInfo> current() {
        return store.current();
    }

    /** Revokes a certificate: it signs nothing more, and what it signed shows as revoked to the public. */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional
    public void revoke(long id, String reason) {
        String why = reason.strip();
        if (why.isEmpty() || why.length() > DocumentReturned.REASON_MAX_LENGTH) {
            throw new RuleViolation("signing.reason.invalid", DocumentReturned.REASON_MAX_LENGTH);
        }
        SigningCertificateEntity certificate = store.findById(id)
                .orElseThrow(() -> new RuleViolation("signing.certificate.none"));
        certificate.revoke(clock.instant(), why);
        try {
            store.saveAndFlush(certificate);
        } catch (OptimisticLockingFailureException revokedMeanwhile) {
            // Another ADMIN revoked it (or a newer upload retired it) since it was read.
            throw new RuleViolation("signing.certificate.already-revoked");
        }
        auditLog.record(AuditRecord.success("signing.certificate.revoked", "SigningCertificate", String.valueOf(id))
                .withDetail(why));
    }

    static String sha256(X509Certificate certificate) {
        return Sha256.hex(encoded(certificate));
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

package id.dukcapil.portal.signing.internal;

import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.signing.CertificateInfo;
import id.dukcapil.portal.signing.CertificateInfo.Status;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A certificate of the Kepala Dinas ({@code signing_certificate}): uploaded with its sealed key file (the one that
 * signs, until a newer upload retires it or an ADMIN revokes it), or BSrE's, kept to show what BSrE signed. The
 * certificate's DER and the sealed PKCS#12 file are not mapped: a list of certificates carries no key file, and the
 * key is read once, by the vault that unlocks it ({@link SigningCertificateSql}). Made by the fragment's inserts, so
 * it has no public constructor; {@code version} (column added by {@code signing-006}) refuses a revocation or a
 * retirement on an older read.
 */
@Entity
@Table(name = "signing_certificate")
public class SigningCertificateEntity {

    @Id
    private long id;
    private String subject;
    private String issuer;
    private String serialNumber;
    private Instant notBefore;
    private Instant notAfter;
    private String holderName;
    private String holderPosition;
    private String holderNip;
    private String certificateSha256;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant uploadedAt;
    private String uploadedBy;
    private @Nullable Instant revokedAt;
    private @Nullable String revokedReason;
    @Version
    private long version;

    protected SigningCertificateEntity() {
        this.subject = "";
        this.issuer = "";
        this.serialNumber = "";
        this.notBefore = Instant.EPOCH;
        this.notAfter = Instant.EPOCH;
        this.holderName = "";
        this.holderPosition = "";
        this.holderNip = "";
        this.certificateSha256 = "";
        this.status = Status.ACTIVE;
        this.uploadedAt = Instant.EPOCH;
        this.uploadedBy = "";
    }

    /** It signs nothing more, and what it signed shows as revoked to the public; refused if revoked already. */
    public void revoke(Instant at, String reason) {
        if (status == Status.REVOKED) {
            throw new RuleViolation("signing.certificate.already-revoked");
        }
        status = Status.REVOKED;
        revokedAt = at;
        revokedReason = reason;
    }

    /** A newer upload signs from now on; what this one signed stays valid. Only the active one retires. */
    public void retire() {
        if (status == Status.ACTIVE) {
            status = Status.RETIRED;
        }
    }

    public CertificateInfo toRecord() {
        return new CertificateInfo(id, subject, issuer, serialNumber, notBefore, notAfter, holderName, holderPosition,
                holderNip, status, uploadedAt, uploadedBy, revokedReason);
    }

    public long id() {
        return id;
    }

    public Status status() {
        return status;
    }
}

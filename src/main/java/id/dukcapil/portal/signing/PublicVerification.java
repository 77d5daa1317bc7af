package id.dukcapil.portal.signing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Sha256;
import id.dukcapil.portal.signing.internal.CertificateStore;
import id.dukcapil.portal.signing.internal.DocumentStore;
import id.dukcapil.portal.signing.internal.PdfSniffer;
import id.dukcapil.portal.signing.internal.SignatureInspector;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anyone, signed in or not: what the QR code's link shows, and the check of an uploaded PDF. Tells no more than a
 * printout already shows (the NIK partly hidden).
 */
@Service
public class PublicVerification {

    /** A one-page family card is well under 200 KB; a few pages of scans would still fit. */
    public static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

    private final DocumentStore documents;
    private final CertificateStore certificates;
    private final SignatureInspector inspector;
    private final AuditLog auditLog;
    private final Clock clock;

    PublicVerification(DocumentStore documents, CertificateStore certificates, SignatureInspector inspector,
                       AuditLog auditLog, Clock clock) {
        this.documents = documents;
        this.certificates = certificates;
        this.inspector = inspector;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The signed document behind a verification link; nothing for a queued, returned or unknown one. */
    @Transactional(readOnly = true)
    public Optional<PublicDocument> byToken(String token) {
        if (!token.matches("[A-Z0-9]{20}")) {
            return Optional.empty();
        }
        return documents.findByToken(token)
                .filter(document -> document.signedAt() != null && document.certificateId() != null)
                .map(this::publicView);
    }

    private PublicDocument publicView(DocumentStore.DocumentRow document) {
        CertificateInfo certificate = certificates.find(document.certificateId()).orElseThrow();
        PublicDocument.Status status;
        if (document.state() == DocumentState.REVOKED || certificate.status() == CertificateInfo.Status.REVOKED) {
            status = PublicDocument.Status.REVOKED;
        } else if (document.supersededBy() != null) {
            status = PublicDocument.Status.SUPERSEDED;
        } else {
            status = PublicDocument.Status.VALID;
        }
        return new PublicDocument(document.kind(), document.number(), status, LocalDate.ofInstant(document.signedAt(), clock.getZone()),
                certificate.holderName(), certificate.holderPosition(), document.holderName(),
                Masked.identity(document.holderNik()));
    }

    /**
     * Checks an uploaded file: is it an unaltered document signed by this office? Refused: a file over the size
     * limit. Each check is audited with its verdict.
     */
    @Transactional
    public PdfSignatureCheck check(byte[] upload) {
        if (upload.length > MAX_UPLOAD_BYTES) {
            throw new RuleViolation("signing.verify.too-large", MAX_UPLOAD_BYTES / (1024 * 1024));
        }
        PdfSignatureCheck check = checked(upload);
        auditLog.record(AuditRecord.success("signing.verification.upload", "SigningDocument",
                        check.documentNumber() == null ? "-" : check.documentNumber())
                .withDetail("%s, %d bytes".formatted(check.verdict(), upload.length)));
        return check;
    }

    private PdfSignatureCheck checked(byte[] upload) {
        if (!PdfSniffer.looksLikePdf(upload)) {
            return PdfSignatureCheck.of(PdfSignatureCheck.Verdict.NOT_A_PDF);
        }
        SignatureInspector.Inspection inspection = inspector.inspect(upload);
        return switch (inspection.outcome()) {
            case NOT_A_PDF -> PdfSignatureCheck.of(PdfSignatureCheck.Verdict.NOT_A_PDF);
            case NOT_SIGNED -> PdfSignatureCheck.of(PdfSignatureCheck.Verdict.NOT_SIGNED);
            case BROKEN -> new PdfSignatureCheck(PdfSignatureCheck.Verdict.ALTERED, null, inspection.signedAt(), null);
            case VALID -> {
                String signerName = id.dukcapil.portal.signing.internal.CertificateNames.commonName(inspection.signer());
                Optional<CertificateInfo> ours = certificates.findBySha256(Certificates.sha256(inspection.signer()));
                if (ours.isEmpty()) {
                    yield new PdfSignatureCheck(PdfSignatureCheck.Verdict.FOREIGN_SIGNER, signerName,
                            inspection.signedAt(), null);
                }
                String number = documents.findSignedBySha256(Sha256.hex(upload))
                        .map(DocumentStore.DocumentRow::number).orElse(null);
                yield new PdfSignatureCheck(ours.get().status() == CertificateInfo.Status.REVOKED
                        ? PdfSignatureCheck.Verdict.AUTHENTIC_REVOKED_CERTIFICATE : PdfSignatureCheck.Verdict.AUTHENTIC,
                        signerName, inspection.signedAt(), number);
            }
        };
    }
}

package id.dukcapil.portal.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Sha256;
import id.dukcapil.portal.shared.throttle.Limit;
import id.dukcapil.portal.shared.throttle.Throttle;
import id.dukcapil.portal.shared.throttle.Throttles;
import id.dukcapil.portal.signing.internal.SigningCertificateRepository;
import id.dukcapil.portal.signing.internal.DocumentStore;
import id.dukcapil.portal.signing.internal.PdfSniffer;
import id.dukcapil.portal.signing.internal.SignatureInspector;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Anyone, signed in or not: what the QR code's link shows, and the check of an uploaded PDF. Tells no more than a
 * printout already shows (the NIK partly hidden).
 */
@Service
public class PublicVerification {

    /** A one-page family card is well under 200 KB; a few pages of scans would still fit. */
    public static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
    /**
     * Checks from one client address: a desk checking the documents people bring, one every twenty seconds; many
     * people behind one carrier's address share it.
     */
    public static final Limit CHECKS_PER_CLIENT = Limit.of(30, Duration.ofMinutes(10));
    /** Checks at once on a node: a check takes one core for up to a few tenths of a second (5 MB). */
    static final int CHECKS_AT_ONCE = 2;
    /** How long a check waits for a place before the visitor is told to try again. */
    static final Duration WAIT_FOR_A_PLACE = Duration.ofSeconds(3);

    private final DocumentStore documents;
    private final SigningCertificateRepository certificates;
    private final SignatureInspector inspector;
    private final AuditLog auditLog;
    private final TransactionTemplate transactions;
    private final Throttle checksPerClient;
    private final CheckGate gate = new CheckGate(CHECKS_AT_ONCE, WAIT_FOR_A_PLACE);
    private final Clock clock;

    PublicVerification(DocumentStore documents, SigningCertificateRepository certificates, SignatureInspector inspector,
                       AuditLog auditLog, TransactionTemplate transactions, Throttles throttles, Clock clock,
                       MeterRegistry meters) {
        this.documents = documents;
        this.certificates = certificates;
        this.inspector = inspector;
        this.auditLog = auditLog;
        this.transactions = transactions;
        // Per node (decision 122): it guards no secret, only this node's processors, as the gate does.
        this.checksPerClient = throttles.perNode("signing.verify.client", CHECKS_PER_CLIENT);
        this.clock = clock;
        // An operator sees a crowd of uploads at the gate before visitors are told it is busy.
        Gauge.builder("portal.verification.checks", gate, CheckGate::running)
                .description("Uploaded files being checked on this node").tag("state", "running").register(meters);
        Gauge.builder("portal.verification.checks", gate, CheckGate::waiting)
                .description("Uploaded files being checked on this node").tag("state", "waiting").register(meters);
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
        CertificateInfo certificate = certificates.info(document.certificateId()).orElseThrow();
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
     * limit, a client past {@link #CHECKS_PER_CLIENT}, and a check that finds no place free on this node within
     * {@link #WAIT_FOR_A_PLACE}. Each check is audited with its verdict. The file is read without a transaction, so
     * no database connection waits for a place or for the reading.
     *
     * @param client the client's address, as a trusted proxy names it
     */
    public PdfSignatureCheck check(byte[] upload, String client) {
        if (upload.length > MAX_UPLOAD_BYTES) {
            throw new RuleViolation("signing.verify.too-large", MAX_UPLOAD_BYTES / (1024 * 1024));
        }
        if (!checksPerClient.tryTake(client)) {
            throw new RuleViolation("signing.verify.throttled");
        }
        // Junk is named by its first bytes at once; only a file that could be a PDF waits for a place.
        SignatureInspector.Inspection inspection = PdfSniffer.looksLikePdf(upload)
                ? gate.run(() -> inspector.inspect(upload)) : inspector.inspect(upload);
        return Objects.requireNonNull(transactions.execute(status -> {
            PdfSignatureCheck check = checked(inspection, upload);
            auditLog.record(AuditRecord.success("signing.verification.upload", "SigningDocument",
                            check.documentNumber() == null ? "-" : check.documentNumber())
                    .withDetail("%s, %d bytes".formatted(check.verdict(), upload.length)));
            return check;
        }));
    }

    private PdfSignatureCheck checked(SignatureInspector.Inspection inspection, byte[] upload) {
        return switch (inspection.outcome()) {
            case NOT_A_PDF -> PdfSignatureCheck.of(PdfSignatureCheck.Verdict.NOT_A_PDF);
            case NOT_SIGNED -> PdfSignatureCheck.of(PdfSignatureCheck.Verdict.NOT_SIGNED);
            case BROKEN -> new PdfSignatureCheck(PdfSignatureCheck.Verdict.ALTERED, null, inspection.signedAt(), null);
            case VALID -> {
                String signerName = id.dukcapil.portal.signing.internal.CertificateNames.commonName(inspection.signer());
                Optional<CertificateInfo> ours = certificates.infoBySha256(Certificates.sha256(inspection.signer()));
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

package id.dukcapil.portal.signing.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.Outcome;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.signing.DocumentSigner;
import org.jspecify.annotations.Nullable;

/**
 * The BSrE adapter of {@link DocumentSigner}: BSrE's signing service signs each document on its side with the Kepala
 * Dinas's NIK and the passphrase typed for the batch (decision 144).
 * <ul>
 * <li>Before a batch: the signer's status at BSrE; a revoked, expired or unknown signer is refused in words.</li>
 * <li>The passphrase lives in the batch's session only, wiped when the batch ends; never stored nor logged.</li>
 * <li>Each document is journalled ({@link RemoteAttempts}) before it leaves. A time-out after it left is an unknown
 * outcome: the document is not sent again in that run, and is sent again later only once the attempt is reconciled
 * (its session is gone and its answer never reached the portal, the document still queued, no other batch sending
 * it, and BSrE's time-out and a margin past since it left). BSrE's API has no look-up of a signature whose answer was
 * lost, so the journal is what says it left.</li>
 * <li>A returned file is accepted only after {@link SignedFileCheck}.</li>
 * <li>The first document of a batch goes alone: a wrong passphrase is learnt from one refusal, not from as many
 * parallel calls (BSrE locks a signer after a few wrong passphrases).</li>
 * </ul>
 */
public class BsreSigner implements DocumentSigner, AutoCloseable {

    private static final String ISSUED = "ISSUE";

    private final BsreProperties properties;
    private final String issuePlace;
    private final BsreClient client;
    private final SignedFileCheck fileCheck;
    private final RemoteAttempts attempts;
    private final CertificateStore certificates;
    private final AuditLog auditLog;
    private final Clock clock;

    public BsreSigner(BsreProperties properties, SigningProperties signing, SignatureInspector inspector,
                      RemoteAttempts attempts, CertificateStore certificates, AuditLog auditLog, Clock clock) {
        if (properties.url().isBlank() || properties.nik().isBlank() || properties.rootsPem().isBlank()) {
            throw new IllegalStateException("Signing through BSrE needs portal.signing.bsre.url, .nik and .roots-pem");
        }
        this.properties = properties;
        this.issuePlace = signing.issuePlace();
        this.client = new BsreClient(properties);
        this.fileCheck = new SignedFileCheck(inspector, Path.of(properties.rootsPem()), properties.nik(),
                properties.signerName());
        this.attempts = attempts;
        this.certificates = certificates;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public int concurrency() {
        return properties.parallelCalls();
    }

    @Override
    public Optional<Signer> remoteSigner() {
        return Optional.of(new Signer(properties.signerName(), properties.signerPosition(), properties.signerNip()));
    }

    @Override
    public Session open(char[] secret) {
        char[] kept = Arrays.copyOf(secret, secret.length);
        Arrays.fill(secret, '\0');
        try {
            if (kept.length == 0) {
                throw new RuleViolation("signing.bsre.passphrase.empty");
            }
            if (!BsreClient.wellFormed(kept)) {
                throw new RuleViolation("signing.bsre.passphrase.malformed");
            }
            checkSigner();
            return new BsreSession(kept);
        } catch (RuntimeException e) {
            Arrays.fill(kept, '\0');
            throw e;
        }
    }

    /** BSrE's word on the signer's certificate, before anything is sent. */
    private void checkSigner() {
        BsreClient.UserStatus status;
        try {
            status = client.status(properties.nik());
        } catch (IOException e) {
            throw refused(new RuleViolation("signing.bsre.unreachable"), e.getClass().getSimpleName());
        }
        String word = status.status().toUpperCase(Locale.ROOT);
        if (status.httpStatus() == 200 && ISSUED.equals(word)) {
            return;
        }
        RuleViolation refusal = switch (status.httpStatus()) {
            case 401, 403 -> new RuleViolation("signing.bsre.account-refused");
            case 404 -> new RuleViolation("signing.bsre.status.not-registered", properties.nik());
            default -> switch (word) {
                case "EXPIRED" -> new RuleViolation("signing.bsre.status.expired");
                case "REVOKE", "REVOKED" -> new RuleViolation("signing.bsre.status.revoked");
                case "SUSPEND", "SUSPENDED" -> new RuleViolation("signing.bsre.status.suspended");
                case "NOT_REGISTERED" -> new RuleViolation("signing.bsre.status.not-registered", properties.nik());
                default -> new RuleViolation("signing.bsre.status.other", status.status(), status.message());
            };
        };
        throw refused(refusal, "HTTP %d %s %s".formatted(status.httpStatus(), status.status(), status.message()));
    }

    private RuleViolation refused(RuleViolation refusal, String detail) {
        auditLog.record(AuditRecord.success("signing.bsre.signer-checked", "SigningSigner", properties.nik())
                .withOutcome(Outcome.FAILURE).withDetail(detail));
        return refusal;
    }

    private final class BsreSession implements Session {

        private final String id = UUID.randomUUID().toString();
        private final char[] passphrase;
        private final Signer signer = new Signer(properties.signerName(), properties.signerPosition(),
                properties.signerNip());
        private final AtomicBoolean firstTaken = new AtomicBoolean();
        private final CountDownLatch firstAnswered = new CountDownLatch(1);
        private volatile @Nullable String signerRefused;
        private volatile boolean closed;

        BsreSession(char[] passphrase) {
            this.passphrase = passphrase;
        }

        @Override
        public Signer signer() {
            return signer;
        }

        @Override
        public Signed sign(long batchId, long documentId, byte[] pdf) {
            reconcile(batchId, documentId);
            boolean first = firstTaken.compareAndSet(false, true);
            try {
                if (!first) {
                    firstAnswered.await();
                }
                String refusal = signerRefused;
                if (refusal != null) {
                    throw new RuleViolation("signing.bsre.signer-refused", refusal);
                }
                if (closed) {
                    throw new RuleViolation("signing.bsre.session-closed");
                }
                return send(batchId, documentId, pdf);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuleViolation("signing.bsre.session-closed");
            } finally {
                if (first) {
                    firstAnswered.countDown();
                }
            }
        }

        private Signed send(long batchId, long documentId, byte[] pdf) {
            long attempt = attempts.sent(documentId, batchId, id, DocumentFinisher.sha256(pdf), clock.instant());
            BsreClient.Answer answer = client.sign(properties.nik(), passphrase, pdf, Map.of("tampilan", "INVISIBLE",
                    "location", issuePlace, "reason", "Tanda tangan elektronik (TTE) Kepala Dinas"));
            return switch (answer) {
                case BsreClient.Delivered delivered -> accepted(attempt, documentId, pdf, delivered.pdf());
                case BsreClient.Refused refused -> {
                    attempts.resolve(attempt, RemoteAttempts.State.REFUSED, refused.httpStatus() + " "
                            + refused.message(), clock.instant());
                    if (refused.httpStatus() == 400 || refused.httpStatus() == 401 || refused.httpStatus() == 403) {
                        signerRefused = refused.message(); // the passphrase or the account: every call would fail
                    }
                    if (refused.httpStatus() == BsreClient.NOT_REACHED) {
                        throw new RuleViolation("signing.bsre.document.unreachable");
                    }
                    throw new RuleViolation("signing.bsre.refused", refused.httpStatus(), refused.message());
                }
                case BsreClient.Unknown unknown -> {
                    attempts.unknown(attempt, unknown.why());
                    auditLog.record(AuditRecord.success("signing.document.outcome-unknown", "SigningDocument",
                            String.valueOf(documentId)).withOutcome(Outcome.FAILURE)
                            .withDetail("batch %d, attempt %d: %s".formatted(batchId, attempt, unknown.why())));
                    throw new RuleViolation("signing.bsre.outcome-unknown");
                }
            };
        }

        private Signed accepted(long attempt, long documentId, byte[] sent, byte[] returned) {
            Instant now = clock.instant();
            X509Certificate certificate;
            try {
                certificate = fileCheck.check(sent, returned, now);
            } catch (RuleViolation rejected) {
                attempts.resolve(attempt, RemoteAttempts.State.REFUSED, "returned file rejected: "
                        + rejected.messageKeys().getFirst(), now);
                auditLog.record(AuditRecord.success("signing.document.file-rejected", "SigningDocument",
                        String.valueOf(documentId)).withOutcome(Outcome.FAILURE)
                        .withDetail(rejected.messageKeys().getFirst()));
                throw rejected;
            }
            return new Signed(returned, register(certificate, now), attempt);
        }

        /**
         * An earlier attempt whose outcome nobody knows: held if it is this session's own (a time-out just now), or
         * may still be in its HTTP call (sent less than BSrE's time-out and a margin ago, whoever's session it is: a
         * node cut from the database loses its lease but not its call), or is another running batch's; otherwise its
         * session is gone without the answer, the document is still queued (the batch checked), so it is reconciled
         * as never delivered and the document is sent again.
         */
        private void reconcile(long batchId, long documentId) {
            Instant now = clock.instant();
            for (RemoteAttempts.Attempt earlier : attempts.open(documentId)) {
                if (earlier.sessionId().equals(id)) {
                    throw new RuleViolation("signing.bsre.outcome-unknown");
                }
                boolean mayBeInItsCall = earlier.sentAt().plus(properties.timeout())
                        .plus(properties.inFlightMargin()).isAfter(now);
                if (mayBeInItsCall || earlier.batchId() != batchId && attempts.batchRunning(earlier.batchId())) {
                    throw new RuleViolation("signing.bsre.in-flight", earlier.batchId());
                }
                if (attempts.resolve(earlier.id(), RemoteAttempts.State.RECONCILED,
                        "answer never delivered; sent again by batch " + batchId, now)) {
                    auditLog.record(AuditRecord.success("signing.document.reconciled", "SigningDocument",
                            String.valueOf(documentId)).withDetail(("attempt %d of batch %d (%s, sent %s): no answer "
                            + "reached the portal; sent again by batch %d").formatted(earlier.id(), earlier.batchId(),
                            earlier.state(), earlier.sentAt(), batchId)));
                }
            }
        }

        @Override
        public void close() {
            closed = true;
            Arrays.fill(passphrase, '\0');
        }
    }

    /** The bean's end: the HTTP client waits for the calls still running, then lets its threads go. */
    @Override
    public void close() {
        client.close();
    }

    private long register(X509Certificate certificate, Instant now) {
        try {
            byte[] der = certificate.getEncoded();
            return certificates.registerRemote(new CertificateStore.NewCertificate(
                    certificate.getSubjectX500Principal().getName(), certificate.getIssuerX500Principal().getName(),
                    certificate.getSerialNumber().toString(16), certificate.getNotBefore().toInstant(),
                    certificate.getNotAfter().toInstant(), CertificateNames.commonName(certificate),
                    properties.signerPosition(), properties.signerNip(), der, DocumentFinisher.sha256(der), null, now, "BSrE"));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}

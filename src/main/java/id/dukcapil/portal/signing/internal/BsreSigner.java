package id.dukcapil.portal.signing.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.Outcome;
import id.dukcapil.portal.outside.OutsideSystems;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Sha256;
import id.dukcapil.portal.shared.throttle.Limit;
import id.dukcapil.portal.shared.throttle.Throttle;
import id.dukcapil.portal.shared.throttle.Throttles;
import id.dukcapil.portal.signing.DocumentSigner;
import id.dukcapil.portal.signing.Totp;
import org.jspecify.annotations.Nullable;

/**
 * The BSrE adapter of {@link DocumentSigner}: BSrE's signing service signs each document on its side with the Kepala
 * Dinas's NIK and the passphrase, or the TOTP of BSrE's BeSign app, typed for the batch (decisions 144, 151).
 * <ul>
 * <li>Before a batch: the signer's status at BSrE; a revoked, expired or unknown signer is refused in words.</li>
 * <li>The secret lives in the batch's session only, wiped when the batch ends; never stored nor logged.</li>
 * <li>With a passphrase each document is its own call, several at once; with a TOTP, valid for seconds, the batch
 * goes in calls of many documents ({@link Session#callSize()}), and a call that times out leaves each of its
 * documents unknown.</li>
 * <li>Each document is journalled ({@link RemoteAttempts}) before it leaves. A time-out after it left is an unknown
 * outcome: the document is not sent again in that run, and is sent again later only once the attempt is reconciled
 * (its session is gone and its answer never reached the portal, the document still queued, no other batch sending
 * it, and BSrE's time-out and a margin past since it left). BSrE's API has no look-up of a signature whose answer was
 * lost, so the journal is what says it left.</li>
 * <li>A returned file is accepted only after {@link SignedFileCheck}.</li>
 * <li>The first call of a batch goes alone: a wrong secret is learnt from one refusal, not from as many parallel
 * calls (BSrE locks a signer after a few wrong passphrases), and counts against the secret's throttle.</li>
 * </ul>
 */
public class BsreSigner implements DocumentSigner, AutoCloseable {

    private static final String ISSUED = "ISSUE";
    /**
     * Refused secrets allowed per signer and kind before the portal stops sending that kind: fewer than BSrE's own
     * lock-out is unknown, so few; a secret BSrE takes starts the count afresh.
     */
    public static final Limit SECRET_REFUSALS = Limit.of(5, Duration.ofMinutes(15));

    private final BsreProperties properties;
    private final String issuePlace;
    private final BsreClient client;
    private final SignedFileCheck fileCheck;
    private final RemoteAttempts attempts;
    private final SigningCertificateRepository certificates;
    private final AuditLog auditLog;
    private final Clock clock;
    /** Secrets BSrE refused, per signer and kind: counted in the database, one count for all nodes. */
    private final Throttle secretRefusals;

    public BsreSigner(BsreProperties properties, SigningProperties signing, SignatureInspector inspector,
                      RemoteAttempts attempts, SigningCertificateRepository certificates, AuditLog auditLog, Throttles throttles,
                      Clock clock, OutsideSystems outside) {
        if (properties.url().isBlank() || properties.nik().isBlank() || properties.rootsPem().isBlank()) {
            throw new IllegalStateException("Signing through BSrE needs portal.signing.bsre.url, .nik and .roots-pem");
        }
        this.properties = properties;
        this.issuePlace = signing.issuePlace();
        this.client = new BsreClient(properties, outside);
        this.fileCheck = new SignedFileCheck(inspector, Path.of(properties.rootsPem()), properties.nik(),
                properties.signerName());
        this.attempts = attempts;
        this.certificates = certificates;
        this.auditLog = auditLog;
        this.clock = clock;
        this.secretRefusals = throttles.of("signing.bsre.secret-refused", SECRET_REFUSALS);
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
    public Set<SecretKind> secretKinds() {
        return EnumSet.allOf(SecretKind.class);
    }

    @Override
    public Session open(SecretKind kind, char[] secret) {
        char[] kept = Arrays.copyOf(secret, secret.length);
        Arrays.fill(secret, '\0');
        try {
            checkForm(kind, kept);
            String throttleKey = kind + ":" + properties.nik();
            if (secretRefusals.spent(throttleKey)) {
                throw new RuleViolation(kind == SecretKind.TOTP ? "signing.totp.throttled"
                        : "signing.bsre.passphrase.throttled");
            }
            checkSigner();
            return new BsreSession(kind, kept, throttleKey);
        } catch (RuntimeException e) {
            Arrays.fill(kept, '\0');
            throw e;
        }
    }

    /** What BSrE would refuse for its form alone is refused here, before it costs the signer one of BSrE's tries. */
    private static void checkForm(SecretKind kind, char[] secret) {
        if (kind == SecretKind.TOTP) {
            if (!Totp.wellFormed(secret)) {
                throw new RuleViolation("signing.totp.format");
            }
            return;
        }
        if (secret.length == 0) {
            throw new RuleViolation("signing.bsre.passphrase.empty");
        }
        if (!BsreClient.wellFormed(secret)) {
            throw new RuleViolation("signing.bsre.passphrase.malformed");
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
        private final SecretKind kind;
        private final char[] secret;
        private final String throttleKey;
        private final Signer signer = new Signer(properties.signerName(), properties.signerPosition(),
                properties.signerNip());
        private final AtomicBoolean firstTaken = new AtomicBoolean();
        private final CountDownLatch firstAnswered = new CountDownLatch(1);
        private volatile @Nullable String signerRefused;
        private volatile boolean closed;

        BsreSession(SecretKind kind, char[] secret, String throttleKey) {
            this.kind = kind;
            this.secret = secret;
            this.throttleKey = throttleKey;
        }

        @Override
        public Signer signer() {
            return signer;
        }

        /** A TOTP lives seconds: the batch goes in as few calls as the bounds allow (decision 151). */
        @Override
        public CallSize callSize() {
            return kind == SecretKind.TOTP ? new CallSize(properties.totpFiles(), properties.totpBytes())
                    : CallSize.ONE;
        }

        @Override
        public Signed sign(long batchId, long documentId, byte[] pdf) {
            return switch (signTogether(batchId, List.of(new Unsigned(documentId, pdf))).getFirst()) {
                case Signed signed -> signed;
                case Refused refused -> throw refused.why();
            };
        }

        /** The documents not held by an earlier attempt go in one call; the held ones are answered by their hold. */
        @Override
        public List<Result> signTogether(long batchId, List<Unsigned> documents) {
            Result[] results = new Result[documents.size()];
            List<Integer> sending = new ArrayList<>();
            for (int i = 0; i < documents.size(); i++) {
                try {
                    reconcile(batchId, documents.get(i).documentId());
                    sending.add(i);
                } catch (RuleViolation held) {
                    results[i] = new Refused(held);
                }
            }
            if (!sending.isEmpty()) {
                List<Result> answers = afterTheFirst(batchId, sending.stream().map(documents::get).toList());
                for (int k = 0; k < sending.size(); k++) {
                    results[sending.get(k)] = answers.get(k);
                }
            }
            return List.of(results);
        }

        /** The first call of a session goes alone: a refused secret is learnt from one call, and no other is sent. */
        private List<Result> afterTheFirst(long batchId, List<Unsigned> call) {
            boolean first = firstTaken.compareAndSet(false, true);
            try {
                if (!first) {
                    firstAnswered.await();
                }
                String refusal = signerRefused;
                if (refusal != null) {
                    return all(call, new RuleViolation("signing.bsre.signer-refused", refusal));
                }
                if (closed) {
                    return all(call, new RuleViolation("signing.bsre.session-closed"));
                }
                return send(batchId, call);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return all(call, new RuleViolation("signing.bsre.session-closed"));
            } finally {
                if (first) {
                    firstAnswered.countDown();
                }
            }
        }

        /**
         * One call for all the documents, each journalled before it leaves. BSrE answers the call as a whole: a
         * refusal refuses them all, a time-out leaves them all unknown; only the files returned are checked each.
         */
        private List<Result> send(long batchId, List<Unsigned> call) {
            long[] attemptIds = new long[call.size()];
            for (int k = 0; k < call.size(); k++) {
                attemptIds[k] = attempts.sent(call.get(k).documentId(), batchId, id,
                        Sha256.hex(call.get(k).pdf()), clock.instant());
            }
            BsreClient.Answer answer = client.sign(properties.nik(), kind, secret,
                    call.stream().map(Unsigned::pdf).toList(), Map.of("tampilan", "INVISIBLE", "location",
                            issuePlace, "reason", "Tanda tangan elektronik (TTE) Kepala Dinas"));
            return switch (answer) {
                case BsreClient.Delivered delivered -> {
                    secretRefusals.forgive(throttleKey);
                    List<Result> results = new ArrayList<>(call.size());
                    for (int k = 0; k < call.size(); k++) {
                        results.add(accepted(attemptIds[k], call.get(k).documentId(), call.get(k).pdf(),
                                delivered.pdfs().get(k)));
                    }
                    yield results;
                }
                case BsreClient.Refused refused -> {
                    for (long attempt : attemptIds) {
                        attempts.resolve(attempt, RemoteAttempts.State.REFUSED, refused.httpStatus() + " "
                                + refused.message(), clock.instant());
                    }
                    yield all(call, refusal(refused));
                }
                case BsreClient.Unknown unknown -> {
                    for (int k = 0; k < call.size(); k++) {
                        attempts.unknown(attemptIds[k], unknown.why());
                        auditLog.record(AuditRecord.success("signing.document.outcome-unknown", "SigningDocument",
                                String.valueOf(call.get(k).documentId())).withOutcome(Outcome.FAILURE)
                                .withDetail("batch %d, attempt %d of a call of %d: %s".formatted(batchId,
                                        attemptIds[k], call.size(), unknown.why())));
                    }
                    yield all(call, new RuleViolation("signing.bsre.outcome-unknown"));
                }
            };
        }

        /**
         * BSrE's "no" in words. A 400, 401 or 403 is the secret or the account: every further call would fail too,
         * so none is sent, and the refusal counts against the secret's throttle (BSrE locks a signer after a few).
         */
        private RuleViolation refusal(BsreClient.Refused refused) {
            int status = refused.httpStatus();
            if (status == BsreClient.NOT_REACHED) {
                return new RuleViolation("signing.bsre.document.unreachable");
            }
            if (status == 400 || status == 401 || status == 403) {
                signerRefused = refused.message();
                secretRefusals.take(throttleKey);
                auditLog.record(AuditRecord.success("signing.bsre.secret-refused", "SigningSigner", properties.nik())
                        .withOutcome(Outcome.FAILURE).withDetail("%s, HTTP %d %s".formatted(
                                kind == SecretKind.TOTP ? "TOTP" : "passphrase", status, refused.message())));
                if (kind == SecretKind.TOTP) {
                    return new RuleViolation("signing.bsre.totp.refused", refused.message());
                }
            }
            return new RuleViolation("signing.bsre.refused", status, refused.message());
        }

        private Result accepted(long attempt, long documentId, byte[] sent, byte[] returned) {
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
                return new Refused(rejected);
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
            Arrays.fill(secret, '\0');
        }
    }

    private static List<Result> all(List<Unsigned> call, RuleViolation why) {
        return Collections.nCopies(call.size(), new Refused(why));
    }

    /** The bean's end: the HTTP client waits for the calls still running, then lets its threads go. */
    @Override
    public void close() {
        client.close();
    }

    private long register(X509Certificate certificate, Instant now) {
        try {
            byte[] der = certificate.getEncoded();
            return certificates.registerRemote(new SigningCertificateSql.NewCertificate(
                    certificate.getSubjectX500Principal().getName(), certificate.getIssuerX500Principal().getName(),
                    certificate.getSerialNumber().toString(16), certificate.getNotBefore().toInstant(),
                    certificate.getNotAfter().toInstant(), CertificateNames.commonName(certificate),
                    properties.signerPosition(), properties.signerNip(), der, Sha256.hex(der), null, now, "BSrE"));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}

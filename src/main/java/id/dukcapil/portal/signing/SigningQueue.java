package id.dukcapil.portal.signing;

import id.dukcapil.portal.shared.jdbc.Slices;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataViews;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.signing.internal.SigningCertificateRepository;
import id.dukcapil.portal.signing.internal.DocumentSources;
import id.dukcapil.portal.signing.internal.DocumentStore;
import id.dukcapil.portal.signing.internal.VerificationLinks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Kepala Dinas's queue: documents of every procedure arrive through {@link #submit(SigningRequest)}, wait, are
 * previewed (rendered by their module, {@link SignableDocuments}), signed in batches ({@link BatchSigning}) or sent
 * back. The procedures time their own steps from {@link DocumentSigned} and {@link DocumentReturned}.
 */
@Service
public class SigningQueue {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] TOKEN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int TOKEN_LENGTH = 20;

    private final DocumentStore documents;
    private final SigningCertificateRepository certificates;
    private final DocumentSources sources;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final VerificationLinks links;
    private final PersonalDataViews personalData;
    private final Clock clock;

    SigningQueue(DocumentStore documents, SigningCertificateRepository certificates, DocumentSources sources, AuditLog auditLog,
                 CurrentActor currentActor, ApplicationEventPublisher events, VerificationLinks links,
                 PersonalDataViews personalData, Clock clock) {
        this.personalData = personalData;
        this.documents = documents;
        this.certificates = certificates;
        this.sources = sources;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.events = events;
        this.links = links;
        this.clock = clock;
    }

    /**
     * Puts a document in the queue. Idempotent: a request already waiting returns the waiting document. Called by
     * the procedure modules, which guard who may do it and keep their own step clocks.
     *
     * @return the document's id
     */
    @Transactional
    public DocumentId submit(SigningRequest request) {
        Optional<DocumentStore.DocumentRow> waiting = documents.findQueuedBySource(request.sourceType(),
                request.sourceId());
        if (waiting.isPresent()) {
            return DocumentId.of(waiting.get().id());
        }
        sources.of(request.sourceType()); // refused now, not at signing, if nobody renders it
        Instant now = clock.instant();
        long id = documents.insert(token(), request.kind(), request.sourceType(), request.sourceId(), request.subject(),
                request.holderName(), request.holderId(), now, currentActor.id(), request.dueAt());
        String number = "%s-%d-%06d".formatted(request.prefix(), LocalDate.ofInstant(now, clock.getZone()).getYear(), id);
        documents.setNumber(id, number);
        auditLog.record(AuditRecord.success("signing.document.queued", "SigningDocument", String.valueOf(id))
                .withDetail("%s for %s %s".formatted(number, request.sourceType(), request.sourceId())));
        return DocumentId.of(id);
    }

    /** The waiting documents, the earliest due (overdue) first. */
    @PreAuthorize("hasRole('" + Roles.HEAD + "')")
    @Transactional(readOnly = true)
    public Slice<QueuedDocument> queue(Pageable page) {
        List<QueuedDocument> rows = documents.queue(page.getOffset(), page.getPageSize() + 1);
        return Slices.of(rows, page);
    }

    @PreAuthorize("hasRole('" + Roles.HEAD + "')")
    @Transactional(readOnly = true)
    public QueueSummary summary() {
        int[] counts = documents.queueCounts(clock.instant());
        return new QueueSummary(counts[0], counts[1]);
    }

    /** Every waiting document's id, in queue order: "select all". */
    @PreAuthorize("hasRole('" + Roles.HEAD + "')")
    @Transactional(readOnly = true)
    public List<Long> queuedIds() {
        return documents.queuedIds();
    }

    /** The document as it will be signed (today's date, the current certificate's holder), without signature. */
    @PreAuthorize("hasRole('" + Roles.HEAD + "')")
    public byte[] preview(long documentId) {
        DocumentStore.DocumentRow document = documents.find(documentId)
                .orElseThrow(() -> new RuleViolation("signing.document.unknown"));
        SignatureBlock block = certificates.current()
                .map(certificate -> new SignatureBlock(document.number(), links.of(document.token()),
                        LocalDate.now(clock), certificate.holderName(), certificate.holderPosition(),
                        certificate.holderNip()))
                .orElse(new SignatureBlock(document.number(), links.of(document.token()),
                        LocalDate.now(clock), "-", "-", "-"));
        return switch (sources.of(document.sourceType()).render(document.sourceId(), block)) {
            case SignableDocuments.Rendering.Pdf pdf -> pdf.bytes();
            case SignableDocuments.Rendering.SendBack sendBack ->
                    throw new RuleViolation("signing.document.changed", sendBack.reason());
        };
    }

    /** A waiting document in its own module's words; none if no module renders its kind any more. */
    public Optional<SignableDocuments.Heading> heading(QueuedDocument document, Locale locale) {
        return sources.find(document.sourceType()).map(source -> source.heading(document, locale));
    }

    /**
     * The facts of a waiting document's case that its module shows beside the preview. Whose data the preview holds
     * (its family card's KK number, each person the details name) is recorded as seen here (issue 50).
     */
    @PreAuthorize("hasRole('" + Roles.HEAD + "')")
    public List<SignableDocuments.Detail> details(long documentId, Locale locale) {
        DocumentStore.DocumentRow document = documents.find(documentId)
                .orElseThrow(() -> new RuleViolation("signing.document.unknown"));
        List<SignableDocuments.Detail> details = sources.of(document.sourceType()).details(document.sourceId(), locale);
        personalData.viewed("signing", whose(document, details));
        return details;
    }

    /** The preview's PDF, opened in a tab of its own: recorded as downloaded before its bytes go (issue 50). */
    @PreAuthorize("hasRole('" + Roles.HEAD + "')")
    public byte[] previewFile(long documentId, Locale locale) {
        DocumentStore.DocumentRow document = documents.find(documentId)
                .orElseThrow(() -> new RuleViolation("signing.document.unknown"));
        byte[] pdf = preview(documentId);
        personalData.downloaded("signing/kk-pdf",
                whose(document, sources.of(document.sourceType()).details(document.sourceId(), locale)));
        return pdf;
    }

    /** A family card's KK number (a document of another kind names no family) and each person its details name. */
    private static List<PersonalData> whose(DocumentStore.DocumentRow document,
                                            List<SignableDocuments.Detail> details) {
        List<PersonalData> whose = new java.util.ArrayList<>();
        if (document.kkNumber() != null && document.kkNumber().matches("\\d{16}")) {
            whose.add(PersonalData.kk(document.kkNumber()));
        }
        details.stream().map(SignableDocuments.Detail::person).filter(java.util.Objects::nonNull)
                .forEach(nik -> whose.add(PersonalData.nik(nik)));
        return whose;
    }

    /** Sends a waiting document back to the module that asked (to its verifier). */
    @PreAuthorize("hasRole('" + Roles.HEAD + "')")
    @Transactional
    public void returnToVerifier(long documentId, String reason) {
        String why = reason.strip();
        if (why.isEmpty() || why.length() > DocumentReturned.REASON_MAX_LENGTH) {
            throw new RuleViolation("signing.reason.invalid", DocumentReturned.REASON_MAX_LENGTH);
        }
        DocumentStore.DocumentRow document = documents.find(documentId)
                .orElseThrow(() -> new RuleViolation("signing.document.unknown"));
        if (!returned(document, why)) {
            throw new RuleViolation("signing.document.not-queued", document.number());
        }
    }

    /**
     * Sends a still queued document back (false if it is no longer queued), in the caller's transaction: also the
     * batch's way back for a document its source sends back (what it shows changed since it was approved).
     */
    boolean returned(DocumentStore.DocumentRow document, String why) {
        long documentId = document.id();
        Instant now = clock.instant();
        String actor = currentActor.id();
        if (!documents.markReturned(documentId, now, actor, why)) {
            // Sent back already by this person for this reason (an earlier try whose answer was lost): say so.
            return documents.isReturnedAs(documentId, actor, why);
        }
        auditLog.record(AuditRecord.success("signing.document.returned", "SigningDocument", String.valueOf(documentId))
                .withDetail(document.number() + ": " + why));
        events.publishEvent(new DocumentReturned(DocumentId.of(documentId), document.sourceType(), document.sourceId(), why, now,
                actor));
        return true;
    }

    /** Withdraws a signed document: the public page shows it as revoked. */
    @PreAuthorize("hasRole('" + Roles.HEAD + "')")
    @Transactional
    public void revoke(long documentId, String reason) {
        String why = reason.strip();
        if (why.isEmpty() || why.length() > DocumentReturned.REASON_MAX_LENGTH) {
            throw new RuleViolation("signing.reason.invalid", DocumentReturned.REASON_MAX_LENGTH);
        }
        if (!documents.markRevoked(documentId, clock.instant(), why)) {
            throw new RuleViolation("signing.document.not-signed");
        }
        auditLog.record(AuditRecord.success("signing.document.revoked", "SigningDocument", String.valueOf(documentId))
                .withDetail(why));
    }

    /** The signed PDF, exactly as signed, for the module that delivers it. */
    @Transactional(readOnly = true)
    public Optional<byte[]> signedPdf(DocumentId documentId) {
        return documents.pdf(documentId.value());
    }

    /** Where a document stands, for the module that submitted it. */
    @Transactional(readOnly = true)
    public Optional<DocumentState> state(long documentId) {
        return documents.find(documentId).map(DocumentStore.DocumentRow::state);
    }

    private static String token() {
        char[] token = new char[TOKEN_LENGTH];
        for (int i = 0; i < TOKEN_LENGTH; i++) {
            token[i] = TOKEN_ALPHABET[RANDOM.nextInt(TOKEN_ALPHABET.length)];
        }
        return new String(token);
    }
}

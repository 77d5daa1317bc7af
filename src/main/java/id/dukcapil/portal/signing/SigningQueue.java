package id.dukcapil.portal.signing;

import id.dukcapil.portal.shared.jdbc.Slices;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.signing.internal.CertificateStore;
import id.dukcapil.portal.signing.internal.DocumentStore;
import id.dukcapil.portal.signing.internal.FamilyAtVerification;
import id.dukcapil.portal.signing.internal.KkDocument;
import id.dukcapil.portal.signing.internal.SigningProperties;
import id.dukcapil.portal.sla.CaseClock;
import id.dukcapil.portal.sla.CaseRef;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClock;
import id.dukcapil.portal.sla.StepRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Kepala Dinas's queue: verified documents arrive through {@link #submit(SigningRequest)}, wait (SOP B step 8
 * runs on the step clock from then on), are previewed, signed in batches ({@link BatchSigning}) or sent back.
 */
@Service
public class SigningQueue {

    public static final String KIND_KK = "KARTU_KELUARGA";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] TOKEN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int TOKEN_LENGTH = 20;

    private final DocumentStore documents;
    private final CertificateStore certificates;
    private final PopulationRegistry registry;
    private final KkDocument kkDocument;
    private final StepClock stepClock;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final SigningProperties properties;
    private final Clock clock;

    SigningQueue(DocumentStore documents, CertificateStore certificates, PopulationRegistry registry,
                 KkDocument kkDocument, StepClock stepClock, AuditLog auditLog, CurrentActor currentActor, ApplicationEventPublisher events,
                 SigningProperties properties, Clock clock) {
        this.documents = documents;
        this.certificates = certificates;
        this.registry = registry;
        this.kkDocument = kkDocument;
        this.stepClock = stepClock;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Puts a verified request in the queue and starts SOP B step 8 for its case (unless the asking module started
     * it). Idempotent: a request already waiting returns the waiting document. Refused: a KK number the registry
     * does not know. Called by other modules, which guard who may do it.
     *
     * @return the document's id
     */
    @Transactional
    public long submit(SigningRequest request) {
        Optional<DocumentStore.DocumentRow> waiting = documents.findQueuedBySource(request.sourceType(),
                request.sourceId());
        if (waiting.isPresent()) {
            return waiting.get().id();
        }
        Family family = registry.findFamily(request.kkNumber())
                .orElseThrow(() -> new RuleViolation("signing.kk.unknown", request.kkNumber().masked()));
        Resident head = family.head().orElseGet(() -> family.members().getFirst());
        Instant now = clock.instant();
        String actor = currentActor.id();
        StepRecord step = openStep(new CaseRef(Procedure.B_KK_PRINT, request.sourceId()), now, actor);
        long id = documents.insert(token(), KIND_KK, request.sourceType(), request.sourceId(),
                request.kkNumber().value(), head.fullName(), head.nik().value(), now, actor,
                step.startedAt().plus(step.standard()));
        String number = "KK-%d-%06d".formatted(LocalDate.ofInstant(now, clock.getZone()).getYear(), id);
        documents.setNumber(id, number);
        documents.saveFamilyAtVerification(id, FamilyAtVerification.of(family));
        auditLog.record(AuditRecord.success("signing.document.queued", "SigningDocument", String.valueOf(id))
                .withDetail("%s for %s %s, KK %s".formatted(number, request.sourceType(), request.sourceId(),
                        request.kkNumber().masked())));
        return id;
    }

    private StepRecord openStep(CaseRef caseRef, Instant now, String actor) {
        Optional<StepRecord> open = stepClock.now(caseRef).stream().map(CaseClock::current).flatMap(List::stream)
                .filter(step -> step.step() == SopStep.B8_SIGNATURE).findFirst();
        return open.orElseGet(() -> stepClock.enter(caseRef, SopStep.B8_SIGNATURE, now, actor, null));
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
    @Transactional(readOnly = true)
    public byte[] preview(long documentId) {
        DocumentStore.DocumentRow document = documents.find(documentId)
                .orElseThrow(() -> new RuleViolation("signing.document.unknown"));
        Family family = registry.findFamily(KkNumber.of(document.kkNumber()))
                .orElseThrow(() -> new RuleViolation("signing.kk.unknown", KkNumber.of(document.kkNumber()).masked()));
        KkDocument.Signer signer = certificates.current()
                .map(certificate -> new KkDocument.Signer(certificate.holderName(), certificate.holderPosition(),
                        certificate.holderNip()))
                .orElse(new KkDocument.Signer("-", "-", "-"));
        return kkDocument.render(family, document.number(), properties.verificationUrl(document.token()),
                LocalDate.now(clock), signer);
    }

    /** Sends a waiting document back to the verifier; SOP B step 8 ends for it. */
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
     * batch's way back for a family changed since verification.
     */
    boolean returned(DocumentStore.DocumentRow document, String why) {
        long documentId = document.id();
        Instant now = clock.instant();
        String actor = currentActor.id();
        if (!documents.markReturned(documentId, now, actor, why)) {
            return false;
        }
        stepClock.leave(new CaseRef(Procedure.B_KK_PRINT, document.sourceId()), SopStep.B8_SIGNATURE, now, actor);
        auditLog.record(AuditRecord.success("signing.document.returned", "SigningDocument", String.valueOf(documentId))
                .withDetail(document.number() + ": " + why));
        events.publishEvent(new DocumentReturned(documentId, document.sourceType(), document.sourceId(), why, now));
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
    public Optional<byte[]> signedPdf(long documentId) {
        return documents.pdf(documentId);
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

package id.dukcapil.portal.signing.internal;

import java.time.Clock;
import java.time.Instant;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.Outcome;
import id.dukcapil.portal.shared.Sha256;
import id.dukcapil.portal.signing.DocumentOutcome;
import id.dukcapil.portal.signing.DocumentId;
import id.dukcapil.portal.signing.DocumentSigned;
import id.dukcapil.portal.signing.DocumentSigner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commits a document's signature: the state, the PDF, the batch item, the step clock, the audit entry and the event
 * exist together or not at all. Each method joins the caller's transaction (the batch committer commits a few
 * documents in one), or runs in its own. A crash before the commit leaves the document queued (it is signed again
 * on resume); after it, the document is signed and never signed again.
 */
@Component
public class DocumentFinisher {

    private final DocumentStore documents;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final VerificationLinks links;
    private final Clock clock;
    private final RemoteAttempts attempts;

    DocumentFinisher(DocumentStore documents, AuditLog auditLog, ApplicationEventPublisher events,
                     VerificationLinks links, Clock clock, RemoteAttempts attempts) {
        this.attempts = attempts;
        this.documents = documents;
        this.auditLog = auditLog;
        this.events = events;
        this.links = links;
        this.clock = clock;
    }

    /**
     * @return false if someone else signed or returned the document meanwhile: nothing was written; true if it is
     *     signed with this file, also when an earlier try of this commit did it
     */
    @Transactional
    public boolean commitSigned(long batchId, DocumentStore.DocumentRow document, DocumentSigner.Signed signed,
                                String signer) {
        Instant now = clock.instant();
        byte[] signedPdf = signed.pdf();
        long certificateId = signed.certificateId();
        Long attemptId = signed.attemptId();
        String pdfSha256 = Sha256.hex(signedPdf);
        if (!documents.markSigned(document.id(), now, signer, certificateId, pdfSha256)) {
            if (documents.isSignedAs(document.id(), pdfSha256)) {
                return true; // this commit's earlier try, whose answer was lost: done, and said so
            }
            if (attemptId != null) {
                attempts.resolve(attemptId, RemoteAttempts.State.DISCARDED, "signed or returned meanwhile", now);
            }
            return false;
        }
        if (attemptId != null) {
            attempts.resolve(attemptId, RemoteAttempts.State.SIGNED, null, now);
        }
        documents.insertPdf(document.id(), signedPdf);
        documents.supersede(document.kind(), document.kkNumber(), document.id());
        documents.recordOutcome(batchId, document.id(), DocumentOutcome.Result.SIGNED, null);
        auditLog.record(AuditRecord.success("signing.document.signed", "SigningDocument", String.valueOf(document.id()))
                .withDetail("%s, batch %d, certificate %d".formatted(document.number(), batchId, certificateId)));
        events.publishEvent(new DocumentSigned(DocumentId.of(document.id()), document.number(), document.sourceType(),
                document.sourceId(), document.kkNumber(), now, signer, links.of(document.token())));
        return true;
    }

    @Transactional
    public void recordFailure(long batchId, DocumentStore.DocumentRow document, String message) {
        documents.recordError(document.id(), message);
        documents.recordOutcome(batchId, document.id(), DocumentOutcome.Result.FAILED, message);
        auditLog.record(AuditRecord.success("signing.document.signed", "SigningDocument", String.valueOf(document.id()))
                .withOutcome(Outcome.FAILURE).withDetail(document.number() + ": " + message));
    }

    @Transactional
    public void recordSkipped(long batchId, long documentId, String message) {
        documents.recordOutcome(batchId, documentId, DocumentOutcome.Result.SKIPPED, message);
    }
}

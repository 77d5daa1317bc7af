package id.dukcapil.portal.signing;

import java.time.Instant;

/** The Kepala Dinas sent a document back to the verifier: the asking module reopens its verification. */
public record DocumentReturned(DocumentId documentId, String sourceType, String sourceId, String reason,
                               Instant returnedAt, String returnedBy) {

    public static final int REASON_MAX_LENGTH = 500;
}

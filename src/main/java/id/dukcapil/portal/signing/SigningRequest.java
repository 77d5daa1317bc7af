package id.dukcapil.portal.signing;

import java.time.Instant;

/**
 * A procedure's document for the Kepala Dinas's signature. The asking module renders it when it is signed
 * ({@link SignableDocuments}) and hears the outcome ({@link DocumentSigned}, {@link DocumentReturned}).
 *
 * @param sourceType  who asks and renders, e.g. {@code KK_PRINT_REQUEST}: one {@link SignableDocuments} each
 * @param sourceId    the asking module's id of the case (a tracking number)
 * @param kind        what the document is, e.g. {@code KARTU_KELUARGA} (the public verification page names it)
 * @param prefix      the document number's prefix, e.g. {@code KK} for {@code KK-2026-000042}
 * @param subject     what the document is about, e.g. the KK number; a newer signed document of the same prefix and
 *                    subject supersedes an older one
 * @param holderName  whose document it is, as the queue and the public verification page show it
 * @param holderId    the holder's identity number (a NIK), masked on every screen
 * @param dueAt       when the signature is due (the asking module's own standard)
 */
public record SigningRequest(String sourceType, String sourceId, String kind, String prefix, String subject, String holderName,
                             String holderId, Instant dueAt) {

    public static final int SOURCE_TYPE_MAX_LENGTH = 30;
    public static final int SOURCE_ID_MAX_LENGTH = 60;
    public static final int SUBJECT_MAX_LENGTH = 40;

    public SigningRequest {
        if (sourceType.isBlank() || sourceType.length() > SOURCE_TYPE_MAX_LENGTH) {
            throw new IllegalArgumentException("A source type has 1 to 30 characters: " + sourceType);
        }
        if (sourceId.isBlank() || sourceId.length() > SOURCE_ID_MAX_LENGTH) {
            throw new IllegalArgumentException("A source id has 1 to 60 characters: " + sourceId);
        }
        if (!kind.matches("[A-Z_]{2,20}")) {
            throw new IllegalArgumentException("A document kind is 2 to 20 capital letters or _: " + kind);
        }
        if (!prefix.matches("[A-Z]{2,6}")) {
            throw new IllegalArgumentException("A document prefix is 2 to 6 capital letters: " + prefix);
        }
        if (subject.isBlank() || subject.length() > SUBJECT_MAX_LENGTH || holderId.length() > SUBJECT_MAX_LENGTH) {
            throw new IllegalArgumentException("A subject and a holder id have 1 to 40 characters");
        }
    }
}

package id.dukcapil.portal.signing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A document waiting in the signing queue, as its module asked for it ({@link SigningRequest}). What these fields
 * mean depends on the kind of document: its module says it in words ({@link SignableDocuments#heading}).
 *
 * @param kind      what the document is, e.g. {@code KARTU_KELUARGA}
 * @param subject   what it is about, e.g. the KK number or the handover record's number
 * @param holderId  the holder's identity number (a NIK, a school's NPSN, a service point's code)
 * @param dueAt     when the signing step's standard time runs out
 * @param lastError why the last attempt to sign it failed, if one did
 */
public record QueuedDocument(long id, String number, String kind, String subject, String holderName, String holderId,
                             String sourceType, String sourceId, Instant queuedAt, Instant dueAt,
                             @Nullable String lastError) {

    public boolean overdue(Instant now) {
        return now.isAfter(dueAt);
    }
}

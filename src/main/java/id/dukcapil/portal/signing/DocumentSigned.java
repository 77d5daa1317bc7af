package id.dukcapil.portal.signing;

import java.time.Instant;


/**
 * A document was signed: the asking module delivers it ({@link SigningQueue#signedPdf(DocumentId)} gives the bytes).
 */
public record DocumentSigned(DocumentId documentId, String number, String sourceType, String sourceId, String subject,
                             Instant signedAt, String signedBy, String verificationUrl) {
}

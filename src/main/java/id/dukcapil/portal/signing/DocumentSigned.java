package id.dukcapil.portal.signing;

import java.time.Instant;

import id.dukcapil.portal.shared.KkNumber;

/**
 * A document was signed: the asking module delivers it ({@link SigningQueue#signedPdf(long)} gives the bytes).
 */
public record DocumentSigned(long documentId, String number, String sourceType, String sourceId, KkNumber kkNumber,
                             Instant signedAt, String verificationUrl) {
}

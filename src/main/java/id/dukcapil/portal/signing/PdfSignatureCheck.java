package id.dukcapil.portal.signing;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What a signature check found in a PDF.
 *
 * @param verdict      the answer a citizen or an official needs
 * @param signerName   the signer's name from the certificate, if a signature was found
 * @param signedAt     when, as the signature dictionary says
 * @param documentNumber the office's number of the document, if it is one of the office's documents
 */
public record PdfSignatureCheck(Verdict verdict, @Nullable String signerName, @Nullable Instant signedAt,
                                @Nullable String documentNumber) {

    public enum Verdict {
        /** Signed by this office's certificate, the signature verifies and covers the whole file. */
        AUTHENTIC,
        /** A signature verifies but was made with a certificate of this office that is now revoked. */
        AUTHENTIC_REVOKED_CERTIFICATE,
        /** A signature is there, but the bytes it covers changed, or the file was extended after signing. */
        ALTERED,
        /** Correctly signed, but not by this office. */
        FOREIGN_SIGNER,
        /** A PDF without a signature. */
        NOT_SIGNED,
        /** Not a PDF, or one that cannot be read. */
        NOT_A_PDF
    }

    public static PdfSignatureCheck of(Verdict verdict) {
        return new PdfSignatureCheck(verdict, null, null, null);
    }

    public boolean authentic() {
        return verdict == Verdict.AUTHENTIC;
    }

    public Optional<String> number() {
        return Optional.ofNullable(documentNumber);
    }
}

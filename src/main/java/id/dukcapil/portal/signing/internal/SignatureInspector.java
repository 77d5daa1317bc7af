package id.dukcapil.portal.signing.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Checks the last signature of a PDF on its own terms: its byte range covers the whole file except the signature
 * itself, and the CMS signature verifies over those bytes with the certificate it names. Whose certificate that is
 * is the caller's question.
 */
@Component
public class SignatureInspector {

    private static final Set<String> SUB_FILTERS = Set.of("ETSI.CAdES.detached", "adbe.pkcs7.detached");

    public enum Outcome { NOT_A_PDF, NOT_SIGNED, BROKEN, VALID }

    /**
     * @param signer       the certificate the CMS signature names, when it could be read
     * @param certificates every certificate the CMS signature carries (the signer's chain, as the signer sent it)
     */
    public record Inspection(Outcome outcome, @Nullable X509Certificate signer, @Nullable Instant signedAt,
                             List<X509Certificate> certificates) {

        Inspection(Outcome outcome, @Nullable X509Certificate signer, @Nullable Instant signedAt) {
            this(outcome, signer, signedAt, List.of());
        }

        static Inspection of(Outcome outcome) {
            return new Inspection(outcome, null, null);
        }
    }

    /**
     * Loads the CMS classes once the portal is ready, on a thread of its own: the first signature or check then finds
     * Bouncy Castle's signed jars verified (half a second) without the start having waited for them (decision 158).
     */
    @EventListener(ApplicationReadyEvent.class)
    void loadCmsClasses() {
        // A lambda, not CmsSignature::load: linking a method reference loads and verifies CmsSignature, and with it
        // Bouncy Castle's signed jars, on the thread that publishes readiness, which then waited (decision 160).
        Thread.ofVirtual().name("cms-classes").start(() -> CmsSignature.load());
    }

    /**
     * Reads the file's raw bytes only ({@link RawSignatureReader}): PDFBox would decode cross-reference and object
     * streams into the heap with no limit while it looks for the signature, and a stranger's upload is checked here
     * (decision 183).
     */
    public Inspection inspect(byte[] pdf) {
        if (!PdfSniffer.looksLikePdf(pdf)) {
            return Inspection.of(Outcome.NOT_A_PDF);
        }
        return switch (RawSignatureReader.read(pdf)) {
            case RawSignatureReader.NotAPdf ignored -> Inspection.of(Outcome.NOT_A_PDF);
            case RawSignatureReader.Unsigned ignored -> Inspection.of(Outcome.NOT_SIGNED);
            case RawSignatureReader.NotWhole notWhole -> new Inspection(Outcome.BROKEN, null, notWhole.signedAt());
            case RawSignatureReader.Whole whole -> {
                if (!SUB_FILTERS.contains(whole.subFilter())) {
                    yield new Inspection(Outcome.BROKEN, null, whole.signedAt());
                }
                try {
                    yield CmsSignature.inspect(whole.signedContent(pdf), whole.contents(), whole.signedAt());
                } catch (IOException | RuntimeException e) {
                    yield Inspection.of(Outcome.BROKEN);
                }
            }
        };
    }

    static X509Certificate certificate(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }
}

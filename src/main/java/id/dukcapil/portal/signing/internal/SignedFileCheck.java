package id.dukcapil.portal.signing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.CertPathBuilder;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import id.dukcapil.portal.shared.RuleViolation;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The portal's own check of a file a remote signer returns, before it is accepted: one signature that verifies and
 * covers the whole file, made over the very file sent (the answer is that file with an incremental update appended),
 * by a certificate that chains to the configured roots, is valid now and is the configured signer's: its subject's
 * serialNumber holds the signer's NIK (as an identity certificate of a person names them), or, with no serialNumber,
 * its common name is the configured signer's name. Revocation is BSrE's status check's (before the batch); BSrE's
 * signatures carry no revocation data (no LTV).
 */
public final class SignedFileCheck {

    private final SignatureInspector inspector;
    private final Set<TrustAnchor> roots;
    private final String nik;
    private final String signerName;

    public SignedFileCheck(SignatureInspector inspector, Path rootsPem, String nik, String signerName) {
        this.inspector = inspector;
        this.roots = anchors(rootsPem);
        this.nik = nik;
        this.signerName = signerName;
    }

    /** @return the signer's certificate; refused with the reason in words */
    public X509Certificate check(byte[] sent, byte[] returned, Instant now) {
        if (returned.length <= sent.length || !Arrays.equals(returned, 0, sent.length, sent, 0, sent.length)) {
            throw new RuleViolation("signing.bsre.file.not-the-one-sent");
        }
        SignatureInspector.Inspection inspection = inspector.inspect(returned);
        if (inspection.outcome() != SignatureInspector.Outcome.VALID || inspection.signer() == null) {
            throw new RuleViolation("signing.bsre.file.signature-invalid");
        }
        X509Certificate signer = inspection.signer();
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(roots, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            parameters.addCertStore(CertStore.getInstance("Collection",
                    new CollectionCertStoreParameters(inspection.certificates())));
            PKIXCertPathBuilderResult path = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
                    .build(parameters);
            CertPathValidator.getInstance("PKIX").validate(path.getCertPath(), parameters);
        } catch (GeneralSecurityException e) {
            throw new RuleViolation("signing.bsre.file.untrusted", signer.getSubjectX500Principal().getName());
        }
        X500Name subject = X500Name.getInstance(signer.getSubjectX500Principal().getEncoded());
        if (!namesTheSigner(subject)) {
            // BSrE's CA certifies every signer of every office: chaining to it says who certified, not who signed.
            throw new RuleViolation("signing.bsre.file.other-signer", subject.toString(),
                    signerName + ", NIK " + nik);
        }
        return signer;
    }

    /** The NIK in the subject's serialNumber (alone, or after an ETSI prefix such as "IDCID-"), else the name. */
    private boolean namesTheSigner(X500Name subject) {
        RDN[] serialNumbers = subject.getRDNs(BCStyle.SERIALNUMBER);
        if (serialNumbers.length > 0) {
            return Arrays.stream(serialNumbers).map(SignedFileCheck::value)
                    .anyMatch(value -> value.equals(nik) || value.endsWith("-" + nik));
        }
        RDN[] commonNames = subject.getRDNs(BCStyle.CN);
        return commonNames.length > 0 && normalized(value(commonNames[0])).equals(normalized(signerName));
    }

    private static String value(RDN rdn) {
        return rdn.getFirst().getValue() instanceof ASN1String text ? text.getString().strip() : "";
    }

    private static String normalized(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Set<TrustAnchor> anchors(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Set<TrustAnchor> anchors = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(certificate -> new TrustAnchor((X509Certificate) certificate, null))
                    .collect(Collectors.toUnmodifiableSet());
            if (anchors.isEmpty()) {
                throw new IllegalStateException("portal.signing.bsre.roots-pem holds no certificate: " + pem);
            }
            return anchors;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("portal.signing.bsre.roots-pem cannot be read: " + pem, e);
        }
    }
}

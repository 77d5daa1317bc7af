package id.dukcapil.portal.signing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import id.dukcapil.portal.shared.Sha256;
import id.dukcapil.portal.signing.SigningKey;
import id.dukcapil.portal.signing.internal.SignatureInspector.Inspection;
import id.dukcapil.portal.signing.internal.SignatureInspector.Outcome;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The CMS signature inside a PDF signature, made ({@link PadesSigner}) and read ({@link SignatureInspector}) apart
 * from those beans: the context loads a bean's method types and the classes its code catches when it creates it, and
 * Bouncy Castle's signed jars are opened and verified when their first class loads, a third of a second of every
 * start that nothing needs before the first signature (issue 37, decision 158).
 */
final class CmsSignature {

    private CmsSignature() {
    }

    /** Loads and links the classes a signature and its check use: their jars are verified on the way. */
    static void load() {
        new CMSSignedDataGenerator();
        new JcaSimpleSignerInfoVerifierBuilder();
        new JcaDigestCalculatorProviderBuilder();
    }

    /** The detached CMS SignedData over the signed byte ranges. */
    static byte[] detached(InputStream content, SigningKey key) throws IOException {
        try {
            X509Certificate certificate = key.certificate();
            ContentSigner contentSigner = new JcaContentSignerBuilder(
                    "RSA".equals(key.privateKey().getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA")
                    .build(key.privateKey());
            JcaSignerInfoGeneratorBuilder signerInfo = new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build());
            signerInfo.setSignedAttributeGenerator(signedAttributes(certificate));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo.build(contentSigner, certificate));
            generator.addCertificates(new JcaCertStore(key.chain()));
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
        } catch (OperatorCreationException | CertificateEncodingException | CMSException e) {
            throw new IOException("Cannot sign", e);
        }
    }

    /** signing-certificate-v2 (binds the signer's certificate into the signature); no signing-time. */
    private static CMSAttributeTableGenerator signedAttributes(X509Certificate certificate)
            throws CertificateEncodingException {
        byte[] hash;
        try {
            hash = Sha256.digest(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
                X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
                certificate.getSerialNumber());
        ESSCertIDv2 certId = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash,
                issuerSerial);
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
        DefaultSignedAttributeTableGenerator defaults =
                new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes));
        return parameters -> defaults.getAttributes(parameters)
                .remove(CMSAttributes.signingTime);
    }

    /**
     * Reads a PDF signature's CMS {@code contents} over its {@code signedContent}: valid if it has one signer whose
     * certificate it carries and whose signature verifies with it.
     */
    static Inspection inspect(byte[] signedContent, byte[] contents, @Nullable Instant signedAt)
            throws IOException {
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), contents);
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return new Inspection(Outcome.BROKEN, null, signedAt);
            }
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return new Inspection(Outcome.BROKEN, null, signedAt);
            }
            X509CertificateHolder holder = matches.iterator().next();
            X509Certificate certificate = SignatureInspector.certificate(holder.getEncoded());
            boolean verifies = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
            List<X509Certificate> carried = new ArrayList<>();
            for (Object each : cms.getCertificates().getMatches(null)) {
                carried.add(SignatureInspector.certificate(((X509CertificateHolder) each).getEncoded()));
            }
            return new Inspection(verifies ? Outcome.VALID : Outcome.BROKEN, certificate, signedAt, carried);
        } catch (CMSException | OperatorCreationException | CertificateException e) {
            return Inspection.of(Outcome.BROKEN);
        }
    }
}

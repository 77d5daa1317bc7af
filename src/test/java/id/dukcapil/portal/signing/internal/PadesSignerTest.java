package id.dukcapil.portal.signing.internal;

import id.dukcapil.portal.signing.demo.DemoCertificateAuthority;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import id.dukcapil.portal.signing.SigningKey;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local PAdES signer against poppler's pdfsig and the portal's own check, without the portal running. */
class PadesSignerTest {

    private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
    private static final char[] PASSPHRASE = "rahasia".toCharArray();
    private static final SigningProperties PROPERTIES = new SigningProperties(null, 0, null, "Soreang", null);

    private static SigningKey key;
    private static byte[] signed;

    private static final SignatureInspector inspector = new SignatureInspector();

    @BeforeAll
    static void sign() throws Exception {
        DemoCertificateAuthority ca = new DemoCertificateAuthority(NOW);
        key = Pkcs12.open(ca.issuePkcs12("Dr. H. Asép Sutisna, M.Si.", PASSPHRASE.clone(), NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(365))), PASSPHRASE.clone());
        PadesSigner signer = new PadesSigner(Clock.fixed(NOW, ZoneId.of("Asia/Jakarta")), PROPERTIES);
        signed = signer.sign(onePage(), key);
    }

    @Test
    void a_signed_document_passes_pdfsig_as_a_whole_document_signature() throws Exception {
        String report = Pdfsig.check(signed);

        assertThat(report).contains("Signature is Valid.", "Total document signed", "ETSI.CAdES.detached");
    }

    @Test
    void a_signed_document_passes_the_portals_own_check() {
        SignatureInspector.Inspection inspection = inspector.inspect(signed);

        assertThat(inspection.outcome()).isEqualTo(SignatureInspector.Outcome.VALID);
        assertThat(inspection.signer()).isEqualTo(key.certificate());
        assertThat(inspection.signedAt()).isEqualTo(NOW);
    }

    @Test
    void the_signature_is_pades_with_a_visible_block_on_the_first_page() throws Exception {
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature signature = document.getLastSignatureDictionary();
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(signature.getLocation()).as("where the office issues its documents").isEqualTo("Soreang");
            var widget = document.getSignatureFields().getFirst().getWidgets().getFirst();
            assertThat(widget.getRectangle().getWidth()).isPositive();
            assertThat(widget.getPage()).isEqualTo(document.getPage(0));
        }
    }

    @Test
    void a_single_changed_byte_fails_both_checks() throws Exception {
        byte[] altered = signed.clone();
        int[] range;
        try (PDDocument document = Loader.loadPDF(signed)) {
            range = document.getLastSignatureDictionary().getByteRange();
        }
        int inside = range[1] / 2;
        altered[inside] = (byte) (altered[inside] ^ 0x01);

        assertThat(Pdfsig.check(altered)).doesNotContain("Signature is Valid.");
        assertThat(inspector.inspect(altered).outcome()).isNotEqualTo(SignatureInspector.Outcome.VALID);
    }

    @Test
    void bytes_appended_after_signing_are_not_a_whole_signed_document() throws Exception {
        byte[] extended = java.util.Arrays.copyOf(signed, signed.length + 10);
        System.arraycopy("\n%garbage\n".getBytes(), 0, extended, signed.length, 10);

        assertThat(inspector.inspect(extended).outcome()).isEqualTo(SignatureInspector.Outcome.BROKEN);
        assertThat(Pdfsig.check(extended)).doesNotContain("Total document signed");
    }

    @Test
    void the_signature_placeholder_is_sized_to_the_chain_not_to_a_worst_case() throws Exception {
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature signature = document.getLastSignatureDictionary();
            int[] range = signature.getByteRange();
            int placeholderBytes = (range[2] - range[1] - 2) / 2;
            int cmsBytes = new CMSSignedData(signature.getContents(signed)).getEncoded().length;

            assertThat(placeholderBytes).isEqualTo(PadesSigner.signatureSize(key));
            assertThat(placeholderBytes - cmsBytes).as("unused room, bytes").isBetween(1, 2_048);
        }
    }

    @Test
    void an_ecdsa_key_with_a_long_subject_fits_its_placeholder_and_passes_pdfsig() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Kepala Dinas Kependudukan dan Pencatatan Sipil " + "X".repeat(120)
                + ", OU=Dinas Kependudukan dan Pencatatan Sipil, O=Pemerintah Kabupaten Bandung, C=ID");
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.ONE, Date.from(NOW.minus(Duration.ofDays(1))), Date.from(NOW.plus(Duration.ofDays(1))),
                name, keys.getPublic()).build(new JcaContentSignerBuilder("SHA384withECDSA").build(keys.getPrivate())));
        SigningKey ecKey = new SigningKey(keys.getPrivate(), List.of(certificate));

        byte[] ecSigned = new PadesSigner(Clock.fixed(NOW, ZoneId.of("Asia/Jakarta")), PROPERTIES).sign(onePage(), ecKey);

        assertThat(Pdfsig.check(ecSigned)).contains("Signature is Valid.", "ETSI.CAdES.detached");
        try (PDDocument document = Loader.loadPDF(ecSigned)) {
            PDSignature signature = document.getLastSignatureDictionary();
            int[] range = signature.getByteRange();
            assertThat((range[2] - range[1] - 2) / 2).isEqualTo(PadesSigner.signatureSize(ecKey))
                    .isGreaterThan(new CMSSignedData(signature.getContents(ecSigned)).getEncoded().length);
        }
    }

    @Test
    void junk_is_not_a_pdf() {
        assertThat(inspector.inspect("GIF89a...".getBytes()).outcome()).isEqualTo(SignatureInspector.Outcome.NOT_A_PDF);
    }

    private static byte[] onePage() throws Exception {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}

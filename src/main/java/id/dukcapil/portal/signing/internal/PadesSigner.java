package id.dukcapil.portal.signing.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.text.Normalizer;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;

import id.dukcapil.portal.signing.SigningKey;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * PAdES baseline B-B with PDFBox and Bouncy Castle, with the office's own key ({@link LocalKeySigner}). The CMS
 * signature is detached over the byte range, carries the signing-certificate-v2 attribute and no signing-time
 * attribute (PAdES puts the time in the signature dictionary's M entry). The visible block sits in the
 * bottom-right corner of the first page, where the document templates leave room for it.
 */
@Component
public class PadesSigner {

    public static final COSName ETSI_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");
    /** The block, from the page's bottom-right corner, in points. Templates leave this corner free. */
    public static final float BLOCK_WIDTH = 230;
    public static final float BLOCK_HEIGHT = 52;
    public static final float BLOCK_RIGHT_MARGIN = 48;
    public static final float BLOCK_BOTTOM_MARGIN = 64;
    /**
     * Room in the signature's placeholder beyond the chain and the signature value: the CMS envelope, the signed
     * attributes and the algorithm identifiers take about 600 bytes.
     */
    private static final int CMS_OVERHEAD = 2_048;
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm z");
    /**
     * The signature block's fonts, made at the first signature: PDFBox maps them to the system's fonts by scanning
     * them, most of a second that a start would otherwise pay (issue 37).
     */
    private static final class Fonts {
        static final PDType1Font HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        static final PDType1Font HELVETICA_BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    }

    private final Clock clock;
    private final String location;
    /** The last visible block drawn: a batch's signatures share it (same signer, same minute, same page size). */
    private volatile @Nullable VisibleBlock lastBlock;

    /** The visible block as a one-page PDF, for a signer's certificate, a page size and the minute it shows. */
    private record VisibleBlock(X509Certificate certificate, float pageWidth, float pageHeight, String shownTime,
                                byte[] pdf) {
    }

    PadesSigner(Clock clock, SigningProperties properties) {
        this.clock = clock;
        this.location = properties.issuePlace();
    }

    /**
     * @return the document with a PAdES baseline B signature (ETSI.CAdES.detached) and a visible signature block
     *         on its first page
     */
    public byte[] sign(byte[] pdf, SigningKey key) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(ETSI_CADES_DETACHED);
            signature.setName(CertificateNames.commonName(key.certificate()));
            signature.setReason("Tanda tangan elektronik (TTE) Kepala Dinas");
            signature.setLocation(location); // where the office issues its documents, as BSrE's signature says too
            signature.setSignDate(GregorianCalendar.from(now));
            PDRectangle mediaBox = document.getPage(0).getMediaBox();
            try (SignatureOptions options = new SignatureOptions()) {
                int signatureSize = signatureSize(key);
                options.setPreferredSignatureSize(signatureSize);
                options.setPage(0);
                options.setVisualSignature(new ByteArrayInputStream(visibleBlock(mediaBox, key, now)));
                document.addSignature(signature, content -> CmsSignature.detached(content, key), options);
                ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * signatureSize + 8192);
                document.saveIncremental(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The placeholder the CMS structure must fit, written as hex and kept in every stored document: sized to the
     * key's chain instead of a fixed worst case (a fixed 12,000 bytes was half of each signed family card).
     */
    static int signatureSize(SigningKey key) {
        int size = CMS_OVERHEAD + signatureValueSize(key.privateKey());
        for (X509Certificate certificate : key.chain()) {
            try {
                size += certificate.getEncoded().length;
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("Cannot encode " + certificate.getSubjectX500Principal(), e);
            }
        }
        return size;
    }

    /**
     * An RSA signature is as long as the modulus; an ECDSA one is a DER sequence of two integers of the order's size
     * (a sign byte each, and at most 9 bytes of tags and lengths).
     */
    private static int signatureValueSize(PrivateKey key) {
        if (key instanceof RSAKey rsa) {
            return (rsa.getModulus().bitLength() + 7) / 8;
        }
        if (key instanceof ECKey ec) {
            return 2 * ((ec.getParams().getOrder().bitLength() + 7) / 8 + 1) + 9;
        }
        return 1_024;
    }

    private byte[] visibleBlock(PDRectangle mediaBox, SigningKey key, ZonedDateTime now) throws IOException {
        String shownTime = SHOWN_TIME.format(now);
        VisibleBlock last = lastBlock;
        if (last != null && last.certificate().equals(key.certificate()) && last.shownTime().equals(shownTime)
                && last.pageWidth() == mediaBox.getWidth() && last.pageHeight() == mediaBox.getHeight()) {
            return last.pdf();
        }
        byte[] pdf = drawVisibleBlock(mediaBox, key, shownTime);
        lastBlock = new VisibleBlock(key.certificate(), mediaBox.getWidth(), mediaBox.getHeight(), shownTime, pdf);
        return pdf;
    }

    /** A one-page PDF whose only content is the signature field with its appearance: PDFBox's way to place it. */
    private static byte[] drawVisibleBlock(PDRectangle mediaBox, SigningKey key, String shownTime) throws IOException {
        PDRectangle rectangle = new PDRectangle(mediaBox.getWidth() - BLOCK_RIGHT_MARGIN - BLOCK_WIDTH,
                BLOCK_BOTTOM_MARGIN, BLOCK_WIDTH, BLOCK_HEIGHT);
        try (PDDocument template = new PDDocument()) {
            PDPage page = new PDPage(mediaBox);
            template.addPage(page);
            PDAcroForm form = new PDAcroForm(template);
            template.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            PDAnnotationWidget widget = field.getWidgets().getFirst();
            form.setSignaturesExist(true);
            form.setAppendOnly(true);
            form.getCOSObject().setDirect(true);
            form.getFields().add(field);
            widget.setRectangle(rectangle);
            widget.setPage(page);
            page.getAnnotations().add(widget);

            PDFormXObject appearanceForm = new PDFormXObject(new PDStream(template));
            appearanceForm.setResources(new PDResources());
            appearanceForm.setFormType(1);
            appearanceForm.setBBox(new PDRectangle(rectangle.getWidth(), rectangle.getHeight()));
            PDAppearanceDictionary appearance = new PDAppearanceDictionary();
            appearance.getCOSObject().setDirect(true);
            PDAppearanceStream stream = new PDAppearanceStream(appearanceForm.getCOSObject());
            appearance.setNormalAppearance(stream);
            widget.setAppearance(appearance);
            try (PDPageContentStream content = new PDPageContentStream(template, stream)) {
                content.setLineWidth(0.8f);
                content.setStrokingColor(0.1f, 0.3f, 0.6f);
                content.addRect(0.5f, 0.5f, rectangle.getWidth() - 1, rectangle.getHeight() - 1);
                content.stroke();
                text(content, Fonts.HELVETICA, 7, 6, 40, "Ditandatangani secara elektronik oleh:");
                text(content, Fonts.HELVETICA_BOLD, 8, 6, 28, CertificateNames.commonName(key.certificate()));
                text(content, Fonts.HELVETICA, 7, 6, 17, "pada " + shownTime);
                text(content, Fonts.HELVETICA, 6, 6, 6, "Sertifikat: " + key.certificate().getSerialNumber().toString(16));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            template.save(out);
            return out.toByteArray();
        }
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y,
                             String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(winAnsi(text));
        content.endText();
    }

    /**
     * The block uses a standard font, which encodes Latin-1 only; the full text in every character is on the
     * document itself. Accents are kept where Latin-1 has them, anything else becomes its base letter or "?".
     */
    static String winAnsi(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c < 0x100) {
                out.append(c);
            } else {
                String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                out.append(!base.isEmpty() && base.charAt(0) < 0x100 ? base.charAt(0) : '?');
            }
        }
        return out.toString();
    }
}

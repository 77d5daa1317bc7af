package id.dukcapil.portal.shared.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.text.Bidi;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.Deflater;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Document;
import com.lowagie.text.Image;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.PrintPageFormat;
import net.sf.jasperreports.engine.util.JRImageLoader;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.pdf.classic.ClassicChunk;
import net.sf.jasperreports.pdf.classic.ClassicDocument;
import net.sf.jasperreports.pdf.classic.ClassicImage;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducerFactory;
import net.sf.jasperreports.pdf.classic.ClassicPhrase;
import net.sf.jasperreports.pdf.common.PdfChunk;
import net.sf.jasperreports.pdf.common.PdfDocument;
import net.sf.jasperreports.pdf.common.PdfDocumentWriter;
import net.sf.jasperreports.pdf.common.PdfImage;
import net.sf.jasperreports.pdf.common.PdfPhrase;
import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducerContext;
import net.sf.jasperreports.pdf.common.PdfTextAlignment;
import net.sf.jasperreports.pdf.common.TextDirection;
import org.jspecify.annotations.Nullable;

/**
 * Jasper's OpenPDF producer without work the portal's documents do not need (decision 037), named in
 * {@code jasperreports.properties}. Jasper makes one producer per export.
 * <ul>
 * <li>Page content is deflated at {@link Deflater#BEST_SPEED}, like the font subsets ({@link PdfRenderer}).</li>
 * <li>The transparent pixel Jasper lays over every image (for links and tooltips) is made directly, instead of
 * decoded from its PNG by ImageIO once per document.</li>
 * <li>Left-to-right text with no right-to-left character in it is laid out without the Unicode bidirectional
 * algorithm, which would only reorder such characters.</li>
 * </ul>
 * And one correction: a landscape page is a wide page, not a portrait page turned by {@code /Rotate 90} (Jasper's
 * way). On a turned page the signer's visible block, placed in the media box's bottom-right corner, showed turned on
 * its side at the bottom left, over the QR code; every reader and signer agrees on the corners of a wide page.
 */
public class LeanPdfProducerFactory extends ClassicPdfProducerFactory {

    @Override
    public PdfProducer createProducer(PdfProducerContext context) {
        return new LeanPdfProducer(context);
    }

    static class LeanPdfProducer extends ClassicPdfProducer {

        private static final byte[] TRANSPARENT_PIXEL_PNG = pixelPng();

        private @Nullable Document pages;

        LeanPdfProducer(PdfProducerContext context) {
            super(context);
        }

        @Override
        public PdfDocument createDocument(PrintPageFormat pageFormat) {
            PdfDocument document = super.createDocument(pageFormat);
            pages = ((ClassicDocument) document).getDocument();
            return document;
        }

        @Override
        public void setPageSize(PrintPageFormat pageFormat, int pageWidth, int pageHeight) {
            Objects.requireNonNull(pages, "the document is created first")
                    .setPageSize(new Rectangle(pageWidth, pageHeight));
        }

        @Override
        public PdfDocumentWriter createWriter(OutputStream os) throws JRException {
            PdfDocumentWriter writer = super.createWriter(os);
            getPdfWriter().setCompressionLevel(Deflater.BEST_SPEED);
            return writer;
        }

        @Override
        public PdfImage createImage(byte[] data, boolean verify) throws IOException, JRException {
            if (Arrays.equals(data, TRANSPARENT_PIXEL_PNG)) {
                return new ClassicImage(transparentPixel());
            }
            return super.createImage(data, verify);
        }

        /** One white pixel with white masked out: as invisible as Jasper's white-transparent-pixel.png. */
        private static Image transparentPixel() throws JRException {
            try {
                return Image.getInstance(1, 1, 1, 8, new byte[] {(byte) 0xFF}, new int[] {0xFF, 0xFF});
            } catch (BadElementException e) {
                throw new JRException(e);
            }
        }

        @Override
        public PdfPhrase createPhrase() {
            return new BidiWhenNeededPhrase(this, new Phrase());
        }

        @Override
        public PdfPhrase createPhrase(PdfChunk chunk) {
            return new BidiWhenNeededPhrase(this, new Phrase(((ClassicChunk) chunk).getChunk()));
        }
    }

    private static byte[] pixelPng() {
        try {
            return JRLoader.loadBytesFromResource(JRImageLoader.PIXEL_IMAGE_RESOURCE);
        } catch (JRException e) {
            throw new IllegalStateException("Jasper's transparent pixel is missing", e);
        }
    }

    /**
     * A phrase that OpenPDF sets in its default direction when Jasper asks for left to right and no character needs
     * reordering: the same lines, without the bidi analysis of each one.
     */
    static class BidiWhenNeededPhrase extends ClassicPhrase {

        private final Phrase phrase;

        BidiWhenNeededPhrase(ClassicPdfProducer producer, Phrase phrase) {
            super(producer, phrase);
            this.phrase = phrase;
        }

        @Override
        public float go(float llx, float lly, float urx, float ury, float fixedLeading, float multipliedLeading,
                        PdfTextAlignment alignment, TextDirection runDirection) {
            return super.go(llx, lly, urx, ury, fixedLeading, multipliedLeading, alignment,
                    runDirection == TextDirection.LTR && !needsBidi() ? TextDirection.DEFAULT : runDirection);
        }

        private boolean needsBidi() {
            char[] text = phrase.getContent().toCharArray();
            return Bidi.requiresBidi(text, 0, text.length);
        }
    }
}

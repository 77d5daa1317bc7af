package id.dukcapil.portal.shared.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.Deflater;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.Phrase;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.util.JRImageLoader;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.pdf.classic.ClassicChunk;
import net.sf.jasperreports.pdf.classic.ClassicImage;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducerFactory;
import net.sf.jasperreports.pdf.classic.ClassicPhrase;
import net.sf.jasperreports.pdf.common.PdfChunk;
import net.sf.jasperreports.pdf.common.PdfDocumentWriter;
import net.sf.jasperreports.pdf.common.PdfImage;
import net.sf.jasperreports.pdf.common.PdfPhrase;
import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducerContext;
import net.sf.jasperreports.pdf.common.PdfTextAlignment;
import net.sf.jasperreports.pdf.common.TextDirection;

/**
 * Jasper's OpenPDF producer without the costs the portal's documents do not need (decision 037), named in
 * {@code jasperreports.properties}:
 * <ul>
 * <li>page content deflated at {@link Deflater#BEST_SPEED}, like the font subsets ({@link PdfRenderer});</li>
 * <li>no trial encoding of each image into a discarded document: the images are the portal's own QR codes and
 * barcodes, and a broken one still fails the export when it is placed;</li>
 * <li>the transparent pixel Jasper lays over every image (for links and tooltips) made directly, instead of
 * decoded from its PNG by ImageIO once per document;</li>
 * <li>left-to-right text laid out without the Unicode bidirectional algorithm, which only reorders right-to-left
 * scripts: Dukcapil Sans has Latin glyphs only.</li>
 * </ul>
 */
public class LeanPdfProducerFactory extends ClassicPdfProducerFactory {

    @Override
    public PdfProducer createProducer(PdfProducerContext context) {
        return new LeanPdfProducer(context);
    }

    static class LeanPdfProducer extends ClassicPdfProducer {

        private static final byte[] TRANSPARENT_PIXEL_PNG = pixelPng();

        LeanPdfProducer(PdfProducerContext context) {
            super(context);
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
            return super.createImage(data, false);
        }

        /** One white pixel, white masked out: what Jasper's white-transparent-pixel.png decodes to. */
        private static Image transparentPixel() throws JRException {
            try {
                return Image.getInstance(1, 1, 1, 8, new byte[] {(byte) 0xFF}, new int[] {0xFF, 0xFF});
            } catch (BadElementException e) {
                throw new JRException(e);
            }
        }

        @Override
        public PdfPhrase createPhrase() {
            return new LatinPhrase(this, new Phrase());
        }

        @Override
        public PdfPhrase createPhrase(PdfChunk chunk) {
            return new LatinPhrase(this, new Phrase(((ClassicChunk) chunk).getChunk()));
        }
    }

    private static byte[] pixelPng() {
        try {
            return JRLoader.loadBytesFromResource(JRImageLoader.PIXEL_IMAGE_RESOURCE);
        } catch (JRException e) {
            throw new IllegalStateException("Jasper's transparent pixel is missing", e);
        }
    }

    /** A phrase whose left-to-right text is set in the default direction: the same lines, no bidi analysis. */
    static class LatinPhrase extends ClassicPhrase {

        LatinPhrase(ClassicPdfProducer producer, Phrase phrase) {
            super(producer, phrase);
        }

        @Override
        public float go(float llx, float lly, float urx, float ury, float fixedLeading, float multipliedLeading,
                        PdfTextAlignment alignment, TextDirection runDirection) {
            return super.go(llx, lly, urx, ury, fixedLeading, multipliedLeading, alignment,
                    runDirection == TextDirection.LTR ? TextDirection.DEFAULT : runDirection);
        }
    }
}

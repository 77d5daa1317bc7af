package id.dukcapil.portal.shared.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A PDF's pages as PNG pictures: what a screen shows of a document in any browser, a phone's or a headless one
 * included, where a framed PDF depends on the browser's own viewer.
 */
public final class PdfPages {

    private PdfPages() {
    }

    /**
     * @param dpi      dots per inch; 96 shows an A4 page about as wide as it is on paper
     * @param maxPages the most pages drawn: a preview, not a print
     */
    public static List<byte[]> png(byte[] pdf, int dpi, int maxPages) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            List<byte[]> pages = new ArrayList<>();
            for (int page = 0; page < Math.min(maxPages, document.getNumberOfPages()); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, dpi, ImageType.RGB);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                pages.add(png.toByteArray());
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

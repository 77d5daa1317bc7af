package id.dukcapil.portal.shared.barcode;

import java.awt.image.BufferedImage;
import java.io.IOException;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.NotFoundException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/** What a barcode scanner or a phone camera reads, for tests: ZXing on an image or on a PDF's printed page. */
public final class CodeReader {

    private CodeReader() {
    }

    /** The first page as printed at 200 dpi. */
    public static BufferedImage firstPage(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, 200);
        }
    }

    /** The text of the one code of that format anywhere on the image, as a scanner aimed at it reads it. */
    public static String read(BufferedImage image, BarcodeFormat format) throws NotFoundException {
        return Codes.read(image, format);
    }
}

package id.dukcapil.portal.shared.barcode;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes and Code 128 barcodes: as images (black on white) for e-mails, screens and tickets, and as modules for
 * documents that draw them ({@code shared.pdf.VectorQrCode}); and read back from an image, as a scanner does.
 */
public final class Codes {

    /** Side of a QR code in pixels: sharp enough for a phone camera when printed 3 cm wide. */
    public static final int QR_SIZE = 300;
    /** Size of a Code 128 barcode in pixels. */
    public static final int CODE128_WIDTH = 600;
    public static final int CODE128_HEIGHT = 120;

    private static final Map<EncodeHintType, ?> QR_HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
            EncodeHintType.MARGIN, 2);
    /**
     * Documents are made by the hundred: their QR codes take one fixed mask instead of scoring all eight for the
     * least-penalised, which was most of the encoding's time. Every mask decodes; the scoring only lowers the odds
     * of shapes that a poor scanner misreads.
     */
    private static final Map<EncodeHintType, ?> DOCUMENT_QR_HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
            EncodeHintType.MARGIN, 2,
            EncodeHintType.QR_MASK_PATTERN, 2);

    static {
        // Encode in memory: ImageIO's default disk cache costs more than the encoding of a small image.
        ImageIO.setUseCache(false);
    }

    private Codes() {
    }

    /** A QR code of the given text (UTF-8, error correction M: survives a crease or a stain on paper). */
    public static BufferedImage qr(String text) {
        return qr(text, QR_SIZE);
    }

    public static BufferedImage qr(String text, int size) {
        return MatrixToImageWriter.toBufferedImage(qrMatrix(text, size, QR_HINTS));
    }

    private static BitMatrix qrMatrix(String text, int size, Map<EncodeHintType, ?> hints) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode as QR code: " + text, e);
        }
    }

    /** A Code 128 barcode of the given text (printable ASCII), for ticket numbers read by a hand scanner. */
    public static BufferedImage code128(String text) {
        return code128(text, CODE128_WIDTH, CODE128_HEIGHT);
    }

    public static BufferedImage code128(String text, int width, int height) {
        BitMatrix matrix = new Code128Writer().encode(text, BarcodeFormat.CODE_128, width, height,
                Map.of(EncodeHintType.MARGIN, 10));
        return MatrixToImageWriter.toBufferedImage(matrix);
    }

    /**
     * A QR code for a document, one cell per module including the quiet zone: the document draws the modules at
     * its own scale, without an image in between.
     */
    public static BitMatrix documentQrModules(String text) {
        return qrMatrix(text, 0, DOCUMENT_QR_HINTS);
    }

    /** The image as PNG bytes (an e-mail attachment, a Vaadin image resource). */
    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The text of the one code of that format anywhere on the image, as a scanner aimed at it reads it. ZXing's
     * finder-pattern search misses a few clean, computer-drawn codes in a thousand (a photo's blur hides the patterns
     * that mislead it); a scanner simply reads the next frame, so this looks again as a scanner's frames differ:
     * another thresholding, from further away (a half and a third of the size), and as a code filling the picture.
     */
    public static String read(BufferedImage image, BarcodeFormat format) throws NotFoundException {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, EnumSet.of(format));
        BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(image);
        List<Supplier<BinaryBitmap>> looks = List.of(
                () -> new BinaryBitmap(new HybridBinarizer(source)),
                () -> new BinaryBitmap(new GlobalHistogramBinarizer(source)),
                () -> new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(shrunk(image, 2)))),
                () -> new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(shrunk(image, 3)))));
        MultiFormatReader reader = new MultiFormatReader();
        for (Supplier<BinaryBitmap> look : looks) {
            try {
                return reader.decode(look.get(), hints).getText();
            } catch (NotFoundException notThisTime) {
                // the next look
            }
        }
        hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
        return reader.decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText();
    }

    private static BufferedImage shrunk(BufferedImage image, int divisor) {
        BufferedImage smaller = new BufferedImage(Math.max(1, image.getWidth() / divisor),
                Math.max(1, image.getHeight() / divisor), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = smaller.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, smaller.getWidth(), smaller.getHeight(), null);
        } finally {
            graphics.dispose();
        }
        return smaller;
    }

    /**
     * The QR code on a photo or a screenshot (PNG, JPEG), as a phone's camera reads it; empty if the file is no image
     * this side of {@code maxPixels}' width and height or shows no QR code. The size is read from the header before
     * any pixel: a small file that claims a huge picture is refused without decoding it.
     */
    public static Optional<String> readQr(byte[] file, int maxPixels) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if (reader.getWidth(0) > maxPixels || reader.getHeight(0) > maxPixels) {
                    return Optional.empty();
                }
                return Optional.of(read(reader.read(0), BarcodeFormat.QR_CODE));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException | NotFoundException unreadable) {
            return Optional.empty();
        }
    }
}

package id.dukcapil.portal.shared.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import org.junit.jupiter.api.Test;

class CodesTest {

    @Test
    void a_qr_code_reads_back_as_its_text() throws Exception {
        String link = "https://dukcapil.example/verify/KK-2026-000123";
        assertThat(CodeReader.read(Codes.qr(link), BarcodeFormat.QR_CODE)).isEqualTo(link);
    }

    @Test
    void document_qr_codes_with_their_fixed_mask_read_back_for_any_verification_token() throws Exception {
        Random random = new Random(2026);
        for (int i = 0; i < 200; i++) {
            String link = "https://dukcapil.example/verify/" + new BigInteger(80, random).toString(32);
            BitMatrix modules = Codes.documentQrModules(link);

            assertThat(CodeReader.read(MatrixToImageWriter.toBufferedImage(scaled(modules, 4)), BarcodeFormat.QR_CODE))
                    .isEqualTo(link);
        }
    }

    /** Each module as a square of pixels, as a printer or a screen shows it. */
    private static BitMatrix scaled(BitMatrix modules, int pixels) {
        BitMatrix image = new BitMatrix(modules.getWidth() * pixels, modules.getHeight() * pixels);
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                if (modules.get(x, y)) {
                    image.setRegion(x * pixels, y * pixels, pixels, pixels);
                }
            }
        }
        return image;
    }

    @Test
    void a_code128_barcode_reads_back_as_its_text() throws Exception {
        assertThat(CodeReader.read(Codes.code128("A-2026-0042"), BarcodeFormat.CODE_128)).isEqualTo("A-2026-0042");
    }

    @Test
    void png_bytes_are_a_png() {
        byte[] png = Codes.png(Codes.qr("x"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void every_screen_qr_code_reads_back_whatever_its_random_part() {
        // ZXing's usual reading missed about 2 % of these clean images (its finder-pattern search); Codes.read
        // reads those as pure codes.
        java.util.Random random = new java.util.Random(16);
        for (int i = 0; i < 1_000; i++) {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            String content = "IKDQR:IKDABCDEFGHJ:" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            assertThat(Codes.readQr(Codes.png(Codes.qr(content, 288)), 2_000)).as(content).contains(content);
        }
    }

    @Test
    void a_photo_of_a_qr_code_reads_back_and_anything_else_reads_as_nothing() throws Exception {
        String content = "IKDQR:IKDABCDEFGHJ:some-random-part";
        assertThat(Codes.readQr(Codes.png(Codes.qr(content, 288)), 6_000)).contains(content);
        assertThat(Codes.readQr("not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8), 6_000)).isEmpty();
        java.awt.image.BufferedImage blank = new java.awt.image.BufferedImage(200, 200,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        assertThat(Codes.readQr(Codes.png(blank), 6_000)).isEmpty();
        assertThat(Codes.readQr(Codes.png(Codes.qr(content, 288)), 100)).as("larger than allowed: not decoded")
                .isEmpty();
        assertThat(Codes.readQr(pngClaiming(100_000, 100_000), 6_000)).as("a small file claiming a huge picture")
                .isEmpty();
    }

    /** A PNG header that claims the given size, with no pixels after it (a decompression bomb's opening). */
    private static byte[] pngClaiming(int width, int height) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream data = new java.io.DataOutputStream(out);
        data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] ihdr = java.nio.ByteBuffer.allocate(17).put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0)
                .array();
        data.writeInt(13);
        data.write(ihdr);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr);
        data.writeInt((int) crc.getValue());
        return out.toByteArray();
    }
}

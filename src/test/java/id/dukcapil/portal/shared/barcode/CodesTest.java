package id.dukcapil.portal.shared.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.junit.jupiter.api.Test;

class CodesTest {

    @Test
    void a_qr_code_reads_back_as_its_text() throws Exception {
        assertThat(read(Codes.qr("https://dukcapil.example/verify/KK-2026-000123"))).isEqualTo(
                "https://dukcapil.example/verify/KK-2026-000123");
    }

    @Test
    void a_code128_barcode_reads_back_as_its_text() throws Exception {
        assertThat(read(Codes.code128("A-2026-0042"))).isEqualTo("A-2026-0042");
    }

    @Test
    void png_bytes_are_a_png() {
        byte[] png = Codes.png(Codes.qr("x"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    private static String read(BufferedImage image) throws NotFoundException {
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
    }
}

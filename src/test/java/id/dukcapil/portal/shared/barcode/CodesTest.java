package id.dukcapil.portal.shared.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;

import org.junit.jupiter.api.Test;

class CodesTest {

    @Test
    void a_qr_code_reads_back_as_its_text() throws Exception {
        assertThat(Scanner.read(Codes.qr("https://dukcapil.example/verify/KK-2026-000123"), BarcodeFormat.QR_CODE)).isEqualTo(
                "https://dukcapil.example/verify/KK-2026-000123");
    }

    @Test
    void a_code128_barcode_reads_back_as_its_text() throws Exception {
        assertThat(Scanner.read(Codes.code128("A-2026-0042"), BarcodeFormat.CODE_128)).isEqualTo("A-2026-0042");
    }

    @Test
    void png_bytes_are_a_png() {
        byte[] png = Codes.png(Codes.qr("x"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }
}

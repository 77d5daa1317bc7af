package id.dukcapil.portal.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

import com.google.zxing.BarcodeFormat;
import com.lowagie.text.pdf.BaseFont;
import id.dukcapil.portal.shared.barcode.Codes;
import id.dukcapil.portal.shared.barcode.CodeReader;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontFamily;
import net.sf.jasperreports.engine.fonts.FontUtil;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfRendererTest {

    record Row(String name, String place) {
    }

    private final PdfRenderer renderer = new PdfRenderer();

    @Test
    void records_and_parameters_become_a_pdf_with_every_indonesian_character() throws Exception {
        byte[] pdf = renderer.render("shared/renderer-sample", Map.of("TITLE", "Kartu Keluarga — Désa Cibeureum",
                "CODE", Codes.qr("https://example.test/verify/1")),
                List.of(new Row("Siti Nur'aini", "Soreang"), new Row("Ujang Sütisna", "Baleendah")));

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Kartu Keluarga — Désa Cibeureum", "Siti Nur'aini", "Ujang Sütisna",
                    "Baleendah");
        }
    }

    @Test
    void a_qr_code_reads_back_from_the_printed_page_whether_drawn_as_vector_squares_or_placed_as_an_image()
            throws Exception {
        String link = "https://dukcapil.example/verify/Q7K2M9XW4PLR8TNV";
        for (Object code : List.of(VectorQrCode.of(link), Codes.qr(link))) {
            byte[] pdf = renderer.render("shared/renderer-sample", Map.of("TITLE", "QR", "CODE", code), List.of());

            assertThat(CodeReader.read(CodeReader.firstPage(pdf), BarcodeFormat.QR_CODE))
                    .as(code.getClass().getSimpleName()).isEqualTo(link);
        }
    }

    /**
     * The fonts are no longer set up when the bean is made (decision 160) but before the first export: the face the
     * exporter then takes from OpenPDF's cache is the one deflated at {@link Deflater#BEST_SPEED} (decision 036).
     */
    @Test
    void the_first_render_uses_the_fonts_set_up_for_speed() throws Exception {
        renderer.render("shared/renderer-sample", Map.of("TITLE", "Font", "CODE", Codes.qr("x")), List.of());

        FontFamily family = FontUtil.getInstance(DefaultJasperReportsContext.getInstance())
                .getFontInfo(PdfRenderer.FONT_FAMILY, null).getFontFamily();
        BaseFont cached = BaseFont.createFont(family.getNormalFace().getTtf(), family.getPdfEncoding(),
                Boolean.TRUE.equals(family.isPdfEmbedded()), true, null, null);
        assertThat(cached.getCompressionLevel()).isEqualTo(Deflater.BEST_SPEED);
    }

    @Test
    void a_template_is_compiled_once() {
        assertThat(renderer.compiled("shared/renderer-sample")).isSameAs(renderer.compiled("shared/renderer-sample"));
    }

    @Test
    void a_template_name_cannot_leave_the_reports_folder() {
        assertThatThrownBy(() -> renderer.render("../secrets", Map.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

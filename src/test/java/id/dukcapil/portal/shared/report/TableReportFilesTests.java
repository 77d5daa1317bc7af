package id.dukcapil.portal.shared.report;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PortalTest
class TableReportFilesTests {

    private static final String LONG_LABEL = "Menunggu cetak (ulang tahun ke-17) sesudah kunjungan sekolah yang kedua";

    @Autowired TableReportFiles files;

    private final TableReport report = new TableReport("laporan-uji", "Laporan uji", "Senin, 23/11/2026", "Dicetak",
            List.of(new TableReport.Table("Ringkasan", List.of("Uraian", "Jumlah", "Waktu"),
                    List.of(List.of(LONG_LABEL, 7, Duration.ofSeconds(125)), List.of("Tercetak", 12L, "–")))));

    @Test
    void a_long_label_wraps_in_the_pdf_instead_of_being_cut() throws Exception {
        String text;
        try (PDDocument document = Loader.loadPDF(files.pdf(report, Locale.of("id")))) {
            text = new PDFTextStripper().getText(document);
        }
        // Wrapped lines break where the PDF does ("ke-" / "17)"): compared without the white space.
        assertThat(text.replaceAll("\\s+", "")).contains(LONG_LABEL.replaceAll("\\s+", "")).contains("2:05");
    }

    @Test
    void a_register_keeps_its_outcome_whole_and_a_long_footer_is_printed_to_its_end() throws Exception {
        String footer = "Dihitung dari buku harian pendaftaran dan perekaman pada hari itu. ".repeat(6) + "AKHIR CATATAN";
        TableReport register = new TableReport("register-uji", "Buku harian uji", "Senin, 23/11/2026", footer,
                List.of(new TableReport.Table("Buku harian", List.of("Jam", "Nomor", "Nama", "NIK", "Hasil"),
                        List.of(List.of("09:15", "A-003", "Siti Rahmawati", "3204********0001",
                                "Sudah terekam: dijelaskan, dokumen dikembalikan")), true)));
        try (PDDocument document = Loader.loadPDF(files.pdf(register, Locale.of("id")))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Buku harian uji");
            assertThat(text.lines().filter(line -> line.contains("A-003"))).singleElement().asString()
                    .contains("09:15", "Siti Rahmawati", "Sudah terekam:");
            assertThat(text.replaceAll("\\s+", " ")).contains("AKHIR CATATAN");
        }
    }

    @Test
    void counts_are_numbers_in_the_workbook_whether_int_or_long() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        files.xlsx(report, out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Row first = workbook.getSheetAt(0).getRow(2);
            Row second = workbook.getSheetAt(0).getRow(3);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo(LONG_LABEL);
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(7);
            assertThat(second.getCell(1).getNumericCellValue()).isEqualTo(12);
        }
    }
}

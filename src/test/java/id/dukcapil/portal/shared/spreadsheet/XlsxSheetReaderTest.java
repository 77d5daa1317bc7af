package id.dukcapil.portal.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The shared streaming reader: a sheet far past its row limit stops at the limit, with most of it never read. */
public class XlsxSheetReaderTest {

    /**
     * A workbook of {@code rows} rows, one number each after the heading, written by SXSSF a hundred rows at a time:
     * a few megabytes on disk, as the reported sheet, and tens of megabytes of XML once unzipped.
     */
    public static byte[] sheetOf(int rows) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.setCompressTempFiles(true);
            Sheet sheet = workbook.createSheet("Siswa");
            Row heading = sheet.createRow(0);
            heading.createCell(0).setCellValue("NIK");
            for (int r = 1; r < rows; r++) {
                sheet.createRow(r).createCell(0).setCellValue(1);
            }
            workbook.write(out);
            workbook.close();
            return out.toByteArray();
        }
    }

    @Test
    void a_sheet_of_a_million_rows_is_refused_at_the_limit_having_read_only_its_first_rows() throws IOException {
        byte[] file = sheetOf(1_048_576);
        assertThat(file.length).as("a few megabytes on disk, as the reported sheet of 2.7 MB").isLessThan(8 * 1024 * 1024);
        List<Long> rowsSeen = new ArrayList<>();
        double[] lastFraction = {0};
        long started = System.nanoTime();

        assertThatThrownBy(() -> XlsxSheetReader.of(4, 100).upToRow(2_001).read(new ByteArrayInputStream(file),
                (rowNumber, cells, fraction) -> {
                    rowsSeen.add(rowNumber);
                    lastFraction[0] = fraction;
                }))
                .isInstanceOfSatisfying(SheetRefused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(SheetRefused.Reason.TOO_MANY_ROWS);
                    assertThat(refused.rowLimit()).isEqualTo(2_001);
                });

        assertThat(rowsSeen).hasSize(2_001).endsWith(2_001L);
        assertThat(lastFraction[0]).as("the share of the sheet's XML read when it stopped").isLessThan(0.01);
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(5_000);
    }

    @Test
    void cells_come_by_column_with_the_gaps_empty_and_a_long_cell_cut_one_past_the_longest_allowed() throws IOException {
        byte[] file;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = workbook.createSheet().createRow(2);
            row.createCell(0).setCellValue(3204370101900001d);
            row.createCell(2).setCellValue("x".repeat(1_000));
            row.createCell(9).setCellValue("past the columns read");
            workbook.write(out);
            file = out.toByteArray();
        }
        List<List<String>> rows = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();

        XlsxSheetReader.of(4, 20).read(new ByteArrayInputStream(file), (rowNumber, cells, fraction) -> {
            numbers.add(rowNumber);
            rows.add(List.copyOf(cells));
        });

        assertThat(numbers).containsExactly(3L);
        assertThat(rows.getFirst()).containsExactly("3204370101900001", "", "x".repeat(21));
    }

    @Test
    void a_date_cell_reads_as_an_iso_date_and_a_text_cell_as_typed() throws IOException {
        byte[] file;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            Row row = workbook.createSheet().createRow(0);
            row.createCell(0).setCellValue(java.time.LocalDate.of(2009, 5, 17));
            row.getCell(0).setCellStyle(date);
            row.createCell(1).setCellValue("17/05/2009");
            workbook.write(out);
            file = out.toByteArray();
        }
        List<List<String>> rows = new ArrayList<>();

        XlsxSheetReader.of(2, 20).read(new ByteArrayInputStream(file), (rowNumber, cells, fraction) ->
                rows.add(List.copyOf(cells)));

        assertThat(rows).containsExactly(List.of("2009-05-17", "17/05/2009"));
    }

    @Test
    void a_file_that_is_no_workbook_is_refused_as_unreadable() {
        assertThatThrownBy(() -> XlsxSheetReader.of(4, 10).read(new ByteArrayInputStream("NIK;Nama\n".getBytes()),
                (rowNumber, cells, fraction) -> { }))
                .isInstanceOfSatisfying(SheetRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(SheetRefused.Reason.UNREADABLE));
    }
}

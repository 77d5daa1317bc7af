package id.dukcapil.portal.schoolvisit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** An empty workbook with an import's column headings, for a school or a planner to fill in. */
final class ImportTemplate {

    private ImportTemplate() {
    }

    static byte[] workbook(String sheetName, List<String> columns) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            Row heading = sheet.createRow(0);
            // Typed as text so that Excel keeps a NIK's or an NPSN's digits and a date as written.
            var text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            for (int i = 0; i < columns.size(); i++) {
                heading.createCell(i).setCellValue(columns.get(i));
                sheet.setColumnWidth(i, 24 * 256);
                sheet.setDefaultColumnStyle(i, text);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

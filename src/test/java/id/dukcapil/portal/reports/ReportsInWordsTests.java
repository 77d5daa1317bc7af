package id.dukcapil.portal.reports;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalCodes;
import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.sla.Procedure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Issue 36: what a manager downloads speaks words, not the portal's codes. Every procedure's day summary (PDF) and
 * the performance workbook with its raw steps (Excel), in both languages, read back: no state, step or checklist
 * constant of the product's enums ({@link PortalCodes}) in their text.
 */
@PortalTest
@WithUserDetails("manajer")
class ReportsInWordsTests {

    private static final PortalCodes CODES = PortalCodes.fromTheCode();

    @Autowired DailySummaries summaries;
    @Autowired ReportWorkbook workbook;
    @Autowired JdbcTemplate jdbc;

    @Test
    void day_summaries_and_the_workbook_show_no_code() throws Exception {
        // The demo's busiest day at a point (its month of SOP A and B steps, DemoReportSteps) fills every table.
        Map<String, Object> busiest = jdbc.queryForMap("SELECT service_point, day FROM sla_step "
                + "WHERE service_point IS NOT NULL GROUP BY service_point, day ORDER BY COUNT(*) DESC, day LIMIT 1");
        LocalDate day = ((java.sql.Date) busiest.get("day")).toLocalDate();
        List<String> points = List.of((String) busiest.get("service_point"), "MPP-SOREANG");
        YearMonth month = YearMonth.from(day);
        List<String> found = new ArrayList<>();
        for (Locale locale : PortalMessages.LOCALES) {
            for (Procedure procedure : summaries.procedures()) {
                for (String point : points) {
                    byte[] pdf = summaries.pdf(procedure, point, day, locale);
                    try (PDDocument document = Loader.loadPDF(pdf)) {
                        codesIn(new PDFTextStripper().getText(document))
                                .forEach(code -> found.add(procedure + " summary (" + locale + "): " + code));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(ReportFilter.between(month.atDay(1), month.atEndOfMonth()), locale, out, done -> { }, true);
            try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
                for (Sheet sheet : read) {
                    codesIn(sheet.getSheetName() + " " + texts(sheet))
                            .forEach(code -> found.add("workbook (" + locale + "), sheet " + sheet.getSheetName() + ": " + code));
                }
            }
        }
        assertThat(found).as("codes in the managers' downloads").isEmpty();
    }

    private static Set<String> codesIn(String text) {
        return new TreeSet<>(CODES.in(text));
    }

    private static String texts(Sheet sheet) {
        StringBuilder text = new StringBuilder();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING) {
                    text.append(cell.getStringCellValue()).append('\n');
                }
            }
        }
        return text.toString();
    }
}

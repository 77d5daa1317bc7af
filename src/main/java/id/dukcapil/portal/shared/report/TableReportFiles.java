package id.dukcapil.portal.shared.report;

import id.dukcapil.portal.shared.pdf.PdfRenderer;
import id.dukcapil.portal.shared.pdf.VectorQrCode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A {@link TableReport} as files: a PDF (reports/shared/table-report.jrxml, each table under its title; with the
 * signature's words and its verification QR code when it is signed) and an Excel workbook (a sheet per table,
 * counts as numbers, durations as Excel times).
 */
@Component
public class TableReportFiles {

    static final String TEMPLATE = "shared/table-report";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int COLUMNS = 7;
    private static final double SECONDS_PER_DAY = 86_400d;

    /** How a signed report names its signature, and the address whose QR code verifies it. */
    public record Signature(String words, String verificationUrl) {
    }

    private final PdfRenderer renderer;
    private final MessageSource messages;

    TableReportFiles(PdfRenderer renderer, MessageSource messages) {
        this.renderer = renderer;
        this.messages = messages;
    }

    public byte[] pdf(TableReport report, Locale locale) {
        return pdf(report, locale, null);
    }

    public byte[] pdf(TableReport report, Locale locale, @Nullable Signature signature) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("OFFICE", messages.getMessage("shared.report.office", null, locale));
        parameters.put("TITLE", report.title());
        parameters.put("SUBTITLE", report.subtitle());
        parameters.put("FOOTER", report.footer());
        if (signature != null) {
            parameters.put("SIGNATURE", signature.words());
            parameters.put("QR", VectorQrCode.of(signature.verificationUrl()));
        }
        String none = messages.getMessage("shared.report.none", null, locale);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TableReport.Table table : report.tables()) {
            if (table.rows().isEmpty()) {
                rows.add(row(table, List.of(none)));
            }
            table.rows().forEach(cells -> rows.add(row(table, cells)));
        }
        return renderer.render(TEMPLATE, parameters, rows);
    }

    private static Map<String, Object> row(TableReport.Table table, List<Object> cells) {
        Map<String, Object> row = new HashMap<>();
        row.put("table", table.title());
        // The template sizes a register's columns for five or seven columns of words; any other table is figures.
        int columns = table.headers().size();
        row.put("layout", table.register() && (columns == 5 || columns == 7) ? "R" + columns : "F");
        for (int i = 0; i < COLUMNS; i++) {
            row.put("h" + (i + 1), i < table.headers().size() ? table.headers().get(i) : null);
            row.put("c" + (i + 1), i < cells.size() ? TableReport.text(cells.get(i))
                    : i < table.headers().size() ? "" : null);
        }
        return row;
    }

    /** The workbook: a sheet per table, counts as numbers, durations as Excel times ([m]:ss). */
    public void xlsx(TableReport report, OutputStream out) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle duration = workbook.createCellStyle();
            duration.setDataFormat(workbook.createDataFormat().getFormat("[m]:ss"));
            for (TableReport.Table table : report.tables()) {
                Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
                sheet.createRow(0).createCell(0).setCellValue(report.title() + " · " + report.subtitle());
                Row headers = sheet.createRow(1);
                for (int i = 0; i < table.headers().size(); i++) {
                    Cell cell = headers.createCell(i);
                    cell.setCellValue(table.headers().get(i));
                    cell.setCellStyle(header);
                }
                int r = 2;
                for (List<Object> cells : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int i = 0; i < cells.size(); i++) {
                        Cell cell = row.createCell(i);
                        switch (cells.get(i)) {
                            case Long number -> cell.setCellValue(number);
                            case Integer number -> cell.setCellValue(number);
                            case Duration time -> {
                                cell.setCellValue(time.toSeconds() / SECONDS_PER_DAY);
                                cell.setCellStyle(duration);
                            }
                            case Object other -> cell.setCellValue(String.valueOf(other));
                        }
                    }
                }
                sheet.createFreezePane(0, 2);
                for (int i = 0; i < table.headers().size(); i++) {
                    sheet.setColumnWidth(i, i == 0 ? 40 * 256 : 16 * 256);
                }
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

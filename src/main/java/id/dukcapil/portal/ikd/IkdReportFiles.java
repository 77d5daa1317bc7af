package id.dukcapil.portal.ikd;

import id.dukcapil.portal.shared.pdf.PdfRenderer;
import id.dukcapil.portal.shared.pdf.VectorQrCode;
import id.dukcapil.portal.signing.SignatureBlock;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
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
 * The daily IKD report as files: a PDF (reports/ikd/ikd-day.jrxml, each table under its title; with the signature
 * block when it is signed) and an Excel workbook (a sheet per table, durations as Excel times).
 */
@Component
public class IkdReportFiles {

    static final String TEMPLATE = "ikd/ikd-day";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int COLUMNS = 6;
    private static final double SECONDS_PER_DAY = 86_400d;

    private final PdfRenderer renderer;
    private final MessageSource messages;

    IkdReportFiles(PdfRenderer renderer, MessageSource messages) {
        this.renderer = renderer;
        this.messages = messages;
    }

    public static String fileName(IkdDayReport report, String extension) {
        return "laporan-ikd-" + report.servicePoint() + "-" + report.day() + "." + extension;
    }

    public byte[] pdf(IkdDayReport report, Locale locale) {
        return pdf(report, locale, null);
    }

    byte[] pdf(IkdDayReport report, Locale locale, @Nullable SignatureBlock block) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("OFFICE", text("reports.daily.office", locale));
        parameters.put("TITLE", text("ikd.report.title", locale));
        parameters.put("SUBTITLE", report.pointName() + " · "
                + DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(report.day()));
        parameters.put("FOOTER", text("ikd.report.footer", locale));
        if (block != null) {
            parameters.put("SIGNATURE", messages.getMessage("ikd.report.signature", new Object[] {
                    block.documentNumber(), block.signerPosition(), block.signerName(), block.verificationUrl()},
                    locale));
            parameters.put("QR", VectorQrCode.of(block.verificationUrl()));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (IkdDayReport.Table table : report.tables()) {
            if (table.rows().isEmpty()) {
                rows.add(row(table, List.of(text("ikd.report.none", locale))));
            }
            table.rows().forEach(cells -> rows.add(row(table, cells)));
        }
        return renderer.render(TEMPLATE, parameters, rows);
    }

    private static Map<String, Object> row(IkdDayReport.Table table, List<Object> cells) {
        Map<String, Object> row = new HashMap<>();
        row.put("table", table.title());
        for (int i = 0; i < COLUMNS; i++) {
            row.put("h" + (i + 1), i < table.headers().size() ? table.headers().get(i) : null);
            row.put("c" + (i + 1), i < cells.size() ? IkdDayReport.text(cells.get(i))
                    : i < table.headers().size() ? "" : null);
        }
        return row;
    }

    /** The workbook: a sheet per table, counts as numbers, durations as Excel times ([m]:ss). */
    public void xlsx(IkdDayReport report, OutputStream out) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle duration = workbook.createCellStyle();
            duration.setDataFormat(workbook.createDataFormat().getFormat("[m]:ss"));
            for (IkdDayReport.Table table : report.tables()) {
                Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
                Row title = sheet.createRow(0);
                title.createCell(0).setCellValue(report.pointName() + " · " + report.day());
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

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}

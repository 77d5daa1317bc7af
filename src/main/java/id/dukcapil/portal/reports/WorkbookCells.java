package id.dukcapil.portal.reports;

import java.time.LocalDate;
import java.util.Locale;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.springframework.context.MessageSource;

/**
 * How the performance workbook writes a cell: built-in formats where Excel has one (it shows them in the reader's
 * locale: an Indonesian Excel reads 1.234 and 95,5%), durations as Excel times ([h]:mm:ss), dates dd/mm/yyyy, and
 * every word from the bundles in the reader's language. One per workbook: a style belongs to the workbook that made it.
 */
final class WorkbookCells {

    static final double MS_PER_DAY = 86_400_000d;

    final CellStyle header;
    final CellStyle count;
    final CellStyle percent;
    final CellStyle duration;
    final CellStyle date;
    final CellStyle time;
    private final MessageSource messages;
    private final Locale locale;

    WorkbookCells(Workbook workbook, MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        header = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
        count = style(workbook, (short) BuiltinFormats.getBuiltinFormat("#,##0"));
        percent = style(workbook, (short) BuiltinFormats.getBuiltinFormat("0.0%") < 0
                ? workbook.createDataFormat().getFormat("0.0%") : (short) BuiltinFormats.getBuiltinFormat("0.0%"));
        duration = style(workbook, (short) BuiltinFormats.getBuiltinFormat("[h]:mm:ss"));
        date = style(workbook, workbook.createDataFormat().getFormat("dd/mm/yyyy"));
        time = style(workbook, workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm:ss"));
    }

    private static CellStyle style(Workbook workbook, short format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(format);
        return style;
    }

    /** The bundle's words for {@code key} in the reader's language; the key itself if the bundles lack it. */
    String text(String key) {
        return messages.getMessage(key, null, key, locale);
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** A bold header of {@code reports.column.*} words from the first column. */
    void header(Row row, String... columns) {
        for (int i = 0; i < columns.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(text("reports.column." + columns[i]));
            cell.setCellStyle(header);
        }
    }

    /** count, median, p90, share within, breaches, excused from column {@code c}. */
    void figures(Row row, int c, ReportFigure figure) {
        number(row.createCell(c), figure.count(), count);
        number(row.createCell(c + 1), figure.median().toMillis() / MS_PER_DAY, duration);
        number(row.createCell(c + 2), figure.percentile90().toMillis() / MS_PER_DAY, duration);
        number(row.createCell(c + 3), figure.share(), percent);
        number(row.createCell(c + 4), figure.breaches(), count);
        number(row.createCell(c + 5), figure.excused(), count);
    }

    static void number(Cell cell, double value, CellStyle style) {
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    void date(Cell cell, LocalDate day) {
        cell.setCellValue(day);
        cell.setCellStyle(date);
    }

    static String safe(String sheetName) {
        return WorkbookUtil.createSafeSheetName(sheetName);
    }
}

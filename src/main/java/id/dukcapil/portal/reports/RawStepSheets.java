package id.dukcapil.portal.reports;

import static id.dukcapil.portal.reports.WorkbookCells.MS_PER_DAY;
import static id.dukcapil.portal.reports.WorkbookCells.number;
import static id.dukcapil.portal.reports.WorkbookCells.safe;

import id.dukcapil.portal.sla.EndedStep;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Every raw step of the period, streamed into the workbook (SXSSF: a window of rows in memory, the rest on disk) so
 * that a year fits in little memory; a new sheet each time one is Excel-full, each with a filter over its rows.
 */
final class RawStepSheets {

    /** Excel's own limit of rows per sheet, less the header: more raw steps go on to the next sheet. */
    static final int ROWS_PER_SHEET = 1_048_575;

    private final SXSSFWorkbook workbook;
    private final WorkbookCells cells;
    private final ZoneId zone;
    private final String name;
    private Sheet sheet;
    private int rowInSheet;
    private int sheets;
    private long rows;
    /** Each procedure's, step's and point's words, looked up once: a year has a million rows and few names. */
    private final Map<Procedure, String> procedures = new EnumMap<>(Procedure.class);
    private final Map<SopStep, String> steps = new EnumMap<>(SopStep.class);
    /** Read before the steps stream: no query of its own while the steps' cursor is open. */
    private final Map<String, String> points;
    private final String yes;
    private final String no;

    /** @param points the service points' names by code */
    RawStepSheets(SXSSFWorkbook workbook, WorkbookCells cells, Map<String, String> points, ZoneId zone) {
        this.workbook = workbook;
        this.cells = cells;
        this.zone = zone;
        this.points = points;
        this.name = cells.text("reports.sheet.steps");
        this.yes = cells.text("reports.workbook.yes");
        this.no = cells.text("reports.workbook.no");
        this.sheet = next();
    }

    long rows() {
        return rows;
    }

    private Sheet next() {
        if (sheets > 0) {
            finish();
        }
        Sheet created = workbook.createSheet(safe(sheets++ == 0 ? name : name + " " + sheets));
        Row header = created.createRow(0);
        String[] columns = {"procedure", "case", "step", "day", "started", "ended", "service-point", "officer",
                "duration", "standard", "within", "excused-reason"};
        for (int i = 0; i < columns.length; i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(cells.text("reports.column." + columns[i]));
            cell.setCellStyle(cells.header);
        }
        created.createFreezePane(0, 1);
        // Wide enough for a step's name, a point's and a date-time; the rest as their header.
        int[] widths = {24, 12, 44, 12, 20, 20, 30, 24, 12, 12, 16, 30};
        for (int i = 0; i < widths.length; i++) {
            created.setColumnWidth(i, widths[i] * 256);
        }
        rowInSheet = 0;
        return created;
    }

    /** The current sheet's filter over its header and rows: a reader narrows a million steps in Excel. */
    void finish() {
        sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(1, rowInSheet), 0, 11));
    }

    void write(EndedStep step) {
        if (rowInSheet == ROWS_PER_SHEET) {
            sheet = next();
        }
        Row row = sheet.createRow(++rowInSheet);
        row.createCell(0).setCellValue(procedures.computeIfAbsent(step.caseRef().procedure(),
                procedure -> cells.text(procedure.labelKey())));
        row.createCell(1).setCellValue(step.caseRef().caseId());
        row.createCell(2).setCellValue(steps.computeIfAbsent(step.step(),
                sop -> sop.sopRows() + ". " + cells.text(sop.labelKey())));
        cells.date(row.createCell(3), step.day());
        number(row.createCell(4), excel(step.startedAt()), cells.time);
        number(row.createCell(5), excel(step.endedAt()), cells.time);
        if (step.servicePoint() != null) {
            row.createCell(6).setCellValue(points.getOrDefault(step.servicePoint(), step.servicePoint()));
        }
        if (step.officer() != null) {
            row.createCell(7).setCellValue(step.officer());
        }
        number(row.createCell(8), step.durationMs() / MS_PER_DAY, cells.duration);
        number(row.createCell(9), step.standard().toMillis() / MS_PER_DAY, cells.duration);
        row.createCell(10).setCellValue(step.withinStandard() ? yes : no); // words, not TRUE/FALSE
        if (step.excusedReason() != null) {
            row.createCell(11).setCellValue(step.excusedReason());
        }
        rows++;
    }

    private double excel(Instant instant) {
        return DateUtil.getExcelDate(LocalDateTime.ofInstant(instant, zone));
    }
}

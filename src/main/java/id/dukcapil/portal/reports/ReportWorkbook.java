package id.dukcapil.portal.reports;

import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.sla.EndedStep;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepLog;
import id.dukcapil.portal.staff.ServicePoints;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The performance workbook of a period: a summary sheet with native Excel charts over its own cells, one sheet per
 * procedure, and every raw step streamed (SXSSF: a window of rows in memory, the rest on disk), so that a year fits
 * in little memory. Numbers carry Excel's built-in formats, which Excel shows in the reader's locale (an Indonesian
 * Excel: 1.234 and 95,5%); durations are Excel times ([h]:mm:ss), dates dd/mm/yyyy.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.MANAGER + "', '" + Roles.ADMIN + "', '" + Roles.HEAD + "')")
public class ReportWorkbook {

    /** Excel's own limit of rows per sheet, less the header: more raw steps go on to the next sheet. */
    static final int ROWS_PER_SHEET = 1_048_575;
    private static final int ROWS_IN_MEMORY = 500;
    private static final double MS_PER_DAY = 86_400_000d;
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final PerformanceReports reports;
    private final StepLog stepLog;
    private final MessageSource messages;
    private final ServicePoints servicePoints;
    private final Clock clock;

    ReportWorkbook(PerformanceReports reports, StepLog stepLog, MessageSource messages, ServicePoints servicePoints,
                   Clock clock) {
        this.reports = reports;
        this.stepLog = stepLog;
        this.messages = messages;
        this.servicePoints = servicePoints;
        this.clock = clock;
    }

    public String fileName(ReportFilter filter) {
        return "laporan-kinerja-" + filter.from() + "_" + filter.to() + ".xlsx";
    }

    /**
     * Writes the workbook; {@code progress} hears the share done (0..1) as the raw steps stream.
     *
     * @return the raw steps written
     */
    @Transactional(readOnly = true)
    public long write(ReportFilter filter, Locale locale, OutputStream out, DoubleConsumer progress) {
        return write(filter, locale, out, progress, true);
    }

    /** As above; without the raw steps' sheets if {@code rawSteps} is false (returns the steps counted). */
    @Transactional(readOnly = true)
    public long write(ReportFilter filter, Locale locale, OutputStream out, DoubleConsumer progress, boolean rawSteps) {
        Dashboard dashboard = reports.dashboard(filter);
        Map<String, String> names = new HashMap<>(); // the points' names by code, for the reader
        servicePoints.active().forEach(point -> names.put(point.code(), point.name()));
        XSSFWorkbook template = new XSSFWorkbook();
        Styles styles = new Styles(template);
        summary(template, styles, dashboard, locale);
        for (Procedure procedure : PerformanceReports.procedures(filter.procedure())) {
            List<ReportFigure> steps = dashboard.perStep().stream().filter(f -> f.procedure() == procedure).toList();
            if (!steps.isEmpty() || filter.procedure() == procedure) {
                procedureSheet(template, styles, procedure, filter, locale, names);
            }
        }
        progress.accept(0.05);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(template, ROWS_IN_MEMORY)) {
            workbook.setCompressTempFiles(true);
            Styles streamed = new Styles(workbook);
            long total = Math.max(1, dashboard.total().count());
            long written = dashboard.total().count();
            if (rawSteps) {
                RawSheets raw = new RawSheets(workbook, streamed, locale);
                written = stepLog.forEach(filter.steps(), step -> {
                    raw.write(step);
                    if (raw.rows % 10_000 == 0) {
                        progress.accept(0.05 + 0.85 * Math.min(1, (double) raw.rows / total));
                    }
                });
                raw.finish();
            }
            workbook.write(out);
            workbook.dispose();
            progress.accept(1);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void summary(XSSFWorkbook workbook, Styles styles, Dashboard dashboard, Locale locale) {
        XSSFSheet sheet = workbook.createSheet(safe(text("reports.sheet.summary", locale)));
        ReportFilter filter = dashboard.filter();
        Row title = sheet.createRow(0);
        title.createCell(0).setCellValue(text("reports.workbook.title", locale));
        title.getCell(0).setCellStyle(styles.header);
        Row period = sheet.createRow(1);
        period.createCell(0).setCellValue(text("reports.workbook.period", locale));
        date(period.createCell(1), filter.from(), styles);
        date(period.createCell(2), filter.to(), styles);

        // Per step, worst first: the bar chart's series refers to these cells.
        int top = 3;
        header(sheet.createRow(top), styles, locale, "procedure", "step", "count", "median", "p90", "within", "breaches", "excused");
        int r = top + 1;
        for (ReportFigure figure : dashboard.perStep()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(text(figure.procedure().labelKey(), locale));
            row.createCell(1).setCellValue(figure.step().sopRows() + ". " + text(figure.step().labelKey(), locale));
            figures(row, 2, figure, styles);
        }
        int stepsEnd = r - 1;
        if (stepsEnd > top) {
            barChart(sheet, text("reports.chart.share-per-step", locale), top + 1, stepsEnd, 1, 5, 9, 0, 17, 22);
        }

        // Per day: the trend, as a line chart.
        int dayTop = Math.max(r + 1, 24);
        header(sheet.createRow(dayTop), styles, locale, "day", "count", "median", "p90", "within", "breaches", "excused");
        r = dayTop + 1;
        for (ReportFigure figure : dashboard.perDay()) {
            Row row = sheet.createRow(r++);
            date(row.createCell(0), figure.period(), styles);
            figures(row, 1, figure, styles);
        }
        int daysEnd = r - 1;
        if (daysEnd > dayTop) {
            XSSFDrawing drawing = sheet.createDrawingPatriarch();
            XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 9, dayTop, 17, dayTop + 18));
            chart.setTitleText(text("reports.chart.share-per-day", locale));
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
            XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
            y.setMinimum(0);
            y.setMaximum(1);
            XDDFChartData data = chart.createData(ChartTypes.LINE, x, y);
            XDDFChartData.Series series = data.addSeries(
                    XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(dayTop + 1, daysEnd, 0, 0)),
                    XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(dayTop + 1, daysEnd, 4, 4)));
            series.setTitle(text("reports.column.within", locale), null);
            chart.plot(data);
        }
        for (int c = 0; c < 9; c++) {
            sheet.setColumnWidth(c, c == 1 ? 40 * 256 : 16 * 256);
        }
        sheet.createFreezePane(0, top + 1);
    }

    private void procedureSheet(XSSFWorkbook workbook, Styles styles, Procedure procedure, ReportFilter filter,
                                Locale locale, Map<String, String> names) {
        Dashboard dashboard = reports.dashboard(filter.withProcedure(procedure));
        XSSFSheet sheet = workbook.createSheet(safe(messages.getMessage("reports.sheet.procedure",
                new Object[] {procedure.name().substring(0, 1)}, locale)));
        int r = 0;
        Row title = sheet.createRow(r++);
        title.createCell(0).setCellValue(text(procedure.labelKey(), locale));
        title.getCell(0).setCellStyle(styles.header);
        r++;
        header(sheet.createRow(r++), styles, locale, "step", "count", "median", "p90", "within", "breaches", "excused");
        for (ReportFigure figure : dashboard.perStep().stream()
                .sorted(java.util.Comparator.comparing(f -> f.step().ordinal())).toList()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(figure.step().sopRows() + ". " + text(figure.step().labelKey(), locale));
            figures(row, 1, figure, styles);
        }
        r++;
        int pointsTop = r;
        header(sheet.createRow(r++), styles, locale, "service-point", "count", "median", "p90", "within", "breaches", "excused");
        for (ReportFigure figure : dashboard.perServicePoint()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(figure.servicePoint() == null ? "–" : names.getOrDefault(figure.servicePoint(),
                    figure.servicePoint()));
            figures(row, 1, figure, styles);
        }
        if (r - 1 > pointsTop) {
            barChart(sheet, text("reports.chart.load-per-point", locale), pointsTop + 1, r - 1, 0, 1, 8, 2, 16, 20);
        }
        r++;
        header(sheet.createRow(r++), styles, locale, "officer", "count", "median", "p90", "within", "breaches", "excused");
        for (ReportFigure figure : dashboard.perOfficer()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(figure.officer() == null ? "–" : figure.officer());
            figures(row, 1, figure, styles);
        }
        sheet.setColumnWidth(0, 40 * 256);
        for (int c = 1; c < 8; c++) {
            sheet.setColumnWidth(c, 14 * 256);
        }
    }

    /** A horizontal bar chart of the values in column {@code valueColumn} against the labels in {@code labelColumn}. */
    private static void barChart(XSSFSheet sheet, String title, int firstRow, int lastRow, int labelColumn,
                                 int valueColumn, int col1, int row1, int col2, int row2) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, col1, row1, col2, row2));
        chart.setTitleText(title);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.LEFT);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.BOTTOM);
        XDDFChartData data = chart.createData(ChartTypes.BAR, x, y);
        ((XDDFBarChartData) data).setBarDirection(BarDirection.BAR);
        XDDFChartData.Series series = data.addSeries(
                XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(firstRow, lastRow, labelColumn, labelColumn)),
                XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(firstRow, lastRow, valueColumn, valueColumn)));
        series.setTitle(title, null);
        chart.plot(data);
    }

    /** count, median, p90, share within, breaches, excused from column {@code c}. */
    private static void figures(Row row, int c, ReportFigure figure, Styles styles) {
        number(row.createCell(c), figure.count(), styles.count);
        number(row.createCell(c + 1), figure.median().toMillis() / MS_PER_DAY, styles.duration);
        number(row.createCell(c + 2), figure.percentile90().toMillis() / MS_PER_DAY, styles.duration);
        number(row.createCell(c + 3), figure.share(), styles.percent);
        number(row.createCell(c + 4), figure.breaches(), styles.count);
        number(row.createCell(c + 5), figure.excused(), styles.count);
    }

    private void header(Row row, Styles styles, Locale locale, String... columns) {
        for (int i = 0; i < columns.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(text("reports.column." + columns[i], locale));
            cell.setCellStyle(styles.header);
        }
    }

    private static void number(Cell cell, double value, CellStyle style) {
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void date(Cell cell, java.time.LocalDate day, Styles styles) {
        cell.setCellValue(day);
        cell.setCellStyle(styles.date);
    }

    /** The streamed raw steps, a new sheet every Excel-full sheet. */
    private final class RawSheets {
        private final SXSSFWorkbook workbook;
        private final Styles styles;
        private final Locale locale;
        private final String name;
        private Sheet sheet;
        private int rowInSheet;
        private int sheets;
        long rows;
        /** Each procedure's, step's and point's words, looked up once: a year has a million rows and few names. */
        private final Map<Procedure, String> procedures = new EnumMap<>(Procedure.class);
        private final Map<SopStep, String> steps = new EnumMap<>(SopStep.class);
        /** Read before the steps stream: no query of its own while the steps' cursor is open. */
        private final Map<String, String> points = new HashMap<>();
        private final String yes;
        private final String no;

        RawSheets(SXSSFWorkbook workbook, Styles styles, Locale locale) {
            this.workbook = workbook;
            this.styles = styles;
            this.locale = locale;
            this.name = text("reports.sheet.steps", locale);
            servicePoints.active().forEach(point -> points.put(point.code(), point.name()));
            this.yes = text("reports.workbook.yes", locale);
            this.no = text("reports.workbook.no", locale);
            this.sheet = next();
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
                cell.setCellValue(text("reports.column." + columns[i], locale));
                cell.setCellStyle(styles.header);
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
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, rowInSheet), 0, 11));
        }

        void write(EndedStep step) {
            if (rowInSheet == ROWS_PER_SHEET) {
                sheet = next();
            }
            Row row = sheet.createRow(++rowInSheet);
            row.createCell(0).setCellValue(procedures.computeIfAbsent(step.caseRef().procedure(),
                    procedure -> text(procedure.labelKey(), locale)));
            row.createCell(1).setCellValue(step.caseRef().caseId());
            row.createCell(2).setCellValue(steps.computeIfAbsent(step.step(),
                    sop -> sop.sopRows() + ". " + text(sop.labelKey(), locale)));
            date(row.createCell(3), step.day(), styles);
            number(row.createCell(4), excel(step.startedAt()), styles.time);
            number(row.createCell(5), excel(step.endedAt()), styles.time);
            if (step.servicePoint() != null) {
                row.createCell(6).setCellValue(points.getOrDefault(step.servicePoint(), step.servicePoint()));
            }
            if (step.officer() != null) {
                row.createCell(7).setCellValue(step.officer());
            }
            number(row.createCell(8), step.durationMs() / MS_PER_DAY, styles.duration);
            number(row.createCell(9), step.standard().toMillis() / MS_PER_DAY, styles.duration);
            row.createCell(10).setCellValue(step.withinStandard() ? yes : no); // words, not TRUE/FALSE
            if (step.excusedReason() != null) {
                row.createCell(11).setCellValue(step.excusedReason());
            }
            rows++;
        }

        private double excel(java.time.Instant instant) {
            return org.apache.poi.ss.usermodel.DateUtil.getExcelDate(LocalDateTime.ofInstant(instant, clock.getZone()));
        }
    }

    /** Built-in formats where Excel has one (it shows them in the reader's locale); dd/mm/yyyy for dates. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle count;
        final CellStyle percent;
        final CellStyle duration;
        final CellStyle date;
        final CellStyle time;

        Styles(Workbook workbook) {
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
    }

    private static String safe(String sheetName) {
        return WorkbookUtil.createSafeSheetName(sheetName);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    static String minutes(Duration duration) {
        return DateTimeFormatter.ISO_LOCAL_TIME.format(java.time.LocalTime.MIDNIGHT.plus(duration));
    }
}

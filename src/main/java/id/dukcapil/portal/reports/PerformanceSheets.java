package id.dukcapil.portal.reports;

import static id.dukcapil.portal.reports.WorkbookCells.safe;

import id.dukcapil.portal.sla.Procedure;
import java.util.Comparator;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The workbook's figures: a summary sheet (per step worst first, per day) and one sheet per procedure (per step, per
 * service point, per officer), with native Excel charts over their own cells, so a reader who changes a figure sees
 * the chart follow. Laid out where a manager expects them; the rows come from the {@link Dashboard}s.
 */
final class PerformanceSheets {

    private final XSSFWorkbook workbook;
    private final WorkbookCells cells;

    PerformanceSheets(XSSFWorkbook workbook, WorkbookCells cells) {
        this.workbook = workbook;
        this.cells = cells;
    }

    void summary(Dashboard dashboard) {
        XSSFSheet sheet = workbook.createSheet(safe(cells.text("reports.sheet.summary")));
        ReportFilter filter = dashboard.filter();
        Row title = sheet.createRow(0);
        title.createCell(0).setCellValue(cells.text("reports.workbook.title"));
        title.getCell(0).setCellStyle(cells.header);
        Row period = sheet.createRow(1);
        period.createCell(0).setCellValue(cells.text("reports.workbook.period"));
        cells.date(period.createCell(1), filter.from());
        cells.date(period.createCell(2), filter.to());

        // Per step, worst first: the bar chart's series refers to these cells.
        int top = 3;
        cells.header(sheet.createRow(top), "procedure", "step", "count", "median", "p90", "within", "breaches", "excused");
        int r = top + 1;
        for (ReportFigure figure : dashboard.perStep()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(cells.text(figure.procedure().labelKey()));
            row.createCell(1).setCellValue(figure.step().sopRows() + ". " + cells.text(figure.step().labelKey()));
            cells.figures(row, 2, figure);
        }
        int stepsEnd = r - 1;
        if (stepsEnd > top) {
            barChart(sheet, cells.text("reports.chart.share-per-step"), top + 1, stepsEnd, 1, 5, 9, 0, 17, 22);
        }

        // Per day: the trend, as a line chart.
        int dayTop = Math.max(r + 1, 24);
        cells.header(sheet.createRow(dayTop), "day", "count", "median", "p90", "within", "breaches", "excused");
        r = dayTop + 1;
        for (ReportFigure figure : dashboard.perDay()) {
            Row row = sheet.createRow(r++);
            cells.date(row.createCell(0), figure.period());
            cells.figures(row, 1, figure);
        }
        int daysEnd = r - 1;
        if (daysEnd > dayTop) {
            lineChart(sheet, dayTop, daysEnd);
        }
        for (int c = 0; c < 9; c++) {
            sheet.setColumnWidth(c, c == 1 ? 40 * 256 : 16 * 256);
        }
        sheet.createFreezePane(0, top + 1);
    }

    /** The share within the standard per day, below the days' rows {@code dayTop + 1} to {@code daysEnd}. */
    private void lineChart(XSSFSheet sheet, int dayTop, int daysEnd) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 9, dayTop, 17, dayTop + 18));
        chart.setTitleText(cells.text("reports.chart.share-per-day"));
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setMinimum(0);
        y.setMaximum(1);
        XDDFChartData data = chart.createData(ChartTypes.LINE, x, y);
        XDDFChartData.Series series = data.addSeries(
                XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(dayTop + 1, daysEnd, 0, 0)),
                XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(dayTop + 1, daysEnd, 4, 4)));
        series.setTitle(cells.text("reports.column.within"), null);
        chart.plot(data);
    }

    /**
     * @param dashboard the figures of the filter narrowed to {@code procedure}
     * @param names     the service points' names by code
     */
    void procedureSheet(Procedure procedure, Dashboard dashboard, Map<String, String> names) {
        XSSFSheet sheet = workbook.createSheet(safe(cells.text("reports.sheet.procedure",
                procedure.name().substring(0, 1))));
        int r = 0;
        Row title = sheet.createRow(r++);
        title.createCell(0).setCellValue(cells.text(procedure.labelKey()));
        title.getCell(0).setCellStyle(cells.header);
        r++;
        cells.header(sheet.createRow(r++), "step", "count", "median", "p90", "within", "breaches", "excused");
        for (ReportFigure figure : dashboard.perStep().stream()
                .sorted(Comparator.comparing(f -> f.step().ordinal())).toList()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(figure.step().sopRows() + ". " + cells.text(figure.step().labelKey()));
            cells.figures(row, 1, figure);
        }
        r++;
        int pointsTop = r;
        cells.header(sheet.createRow(r++), "service-point", "count", "median", "p90", "within", "breaches", "excused");
        for (ReportFigure figure : dashboard.perServicePoint()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(figure.servicePoint() == null ? "–" : names.getOrDefault(figure.servicePoint(),
                    figure.servicePoint()));
            cells.figures(row, 1, figure);
        }
        if (r - 1 > pointsTop) {
            barChart(sheet, cells.text("reports.chart.load-per-point"), pointsTop + 1, r - 1, 0, 1, 8, 2, 16, 20);
        }
        r++;
        cells.header(sheet.createRow(r++), "officer", "count", "median", "p90", "within", "breaches", "excused");
        for (ReportFigure figure : dashboard.perOfficer()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(figure.officer() == null ? "–" : figure.officer());
            cells.figures(row, 1, figure);
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
}

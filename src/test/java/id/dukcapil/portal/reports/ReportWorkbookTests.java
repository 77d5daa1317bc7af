package id.dukcapil.portal.reports;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.sla.StepClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The manager downloads the month's workbook and opens it: sheets, formats and charts over the right cells. */
@PortalTest
@WithUserDetails("manajer")
class ReportWorkbookTests {

    private static final YearMonth MONTH = YearMonth.of(2035, 5);

    @Autowired StepClock stepClock;
    @Autowired DailyRollups rollups;
    @Autowired ReportWorkbook workbook;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_workbook_has_a_summary_with_native_charts_a_sheet_per_procedure_and_every_raw_step() throws Exception {
        GeneratedMonth.record(stepClock, MONTH, 40, 2055);
        rollups.refresh();
        ReportFilter month = ReportFilter.between(MONTH.atDay(1), MONTH.atEndOfMonth());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Double> progress = new ArrayList<>();
        long written = workbook.write(month, PortalMessages.INDONESIAN, out, progress::add);

        long raw = jdbc.queryForObject("SELECT COUNT(*) FROM sla_step WHERE day BETWEEN ? AND ? AND duration_ms IS NOT NULL",
                Long.class, month.from(), month.to());
        assertThat(written).isEqualTo(raw);
        assertThat(progress).isSorted().last().isEqualTo(1.0);

        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<String> sheets = new ArrayList<>();
            read.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("Ringkasan", "SOP A", "SOP B", "Langkah");

            XSSFSheet summary = read.getSheet("Ringkasan");
            assertThat(summary.getRow(1).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            assertThat(summary.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(MONTH.atDay(1));
            assertThat(summary.getRow(3).getCell(6).getStringCellValue()).isEqualTo("Melewati baku");
            assertThat(summary.getRow(3).getCell(7).getStringCellValue()).isEqualTo("Dimaklumi");
            Row firstStep = summary.getRow(4);
            assertThat(firstStep.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(firstStep.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(firstStep.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("[h]:mm:ss");
            assertThat(firstStep.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            int lastStep = 4;
            while (summary.getRow(lastStep + 1) != null && summary.getRow(lastStep + 1).getCell(1) != null) {
                lastStep++;
            }
            assertThat(lastStep - 4 + 1).isEqualTo(15);  // A's eight steps and B's seven with steps this month

            List<XSSFChart> charts = summary.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(2);
            var bars = charts.getFirst().getChartSeries().getFirst().getSeries(0);
            assertThat(bars.getCategoryData().getDataRangeReference()).isEqualTo("Ringkasan!$B$5:$B$" + (lastStep + 1));
            assertThat(bars.getValuesData().getDataRangeReference()).isEqualTo("Ringkasan!$F$5:$F$" + (lastStep + 1));
            var trend = charts.get(1).getChartSeries().getFirst().getSeries(0);
            int dayHeader = Math.max(lastStep + 2, 24);
            assertThat(trend.getValuesData().getDataRangeReference())
                    .isEqualTo("Ringkasan!$E$" + (dayHeader + 2) + ":$E$" + (dayHeader + 1 + MONTH.lengthOfMonth()));
            assertThat(summary.getRow(dayHeader + 1).getCell(0).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(MONTH.atDay(1));

            XSSFSheet steps = read.getSheet("Langkah");
            assertThat(steps.getLastRowNum()).isEqualTo(raw);
            assertThat(steps.getRow(0).getCell(11).getStringCellValue()).isEqualTo("Alasan dimaklumi");
            Row step = steps.getRow(1);
            assertThat(step.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            assertThat(step.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy hh:mm:ss");
            assertThat(step.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("[h]:mm:ss");
            assertThat(step.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(MONTH.atDay(1));
            // Names, not codes, and a filter over the rows (issue 36, item 4).
            assertThat(step.getCell(0).getStringCellValue()).matches("[A-E] · \\p{Lu}.*").doesNotContain("_");
            assertThat(step.getCell(2).getStringCellValue()).matches("[0-9–]+\\. \\p{Lu}.*").doesNotContain("_");
            assertThat(step.getCell(10).getStringCellValue()).isIn("Ya", "Tidak");
            for (int r = 1; r <= Math.min(steps.getLastRowNum(), 200); r++) {
                org.apache.poi.ss.usermodel.Cell point = steps.getRow(r).getCell(6);
                if (point != null) {
                    assertThat(point.getStringCellValue()).doesNotMatch("UKL-\\d+|MPP-[A-Z]+|DINAS");
                }
            }
            assertThat(steps.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:L" + (raw + 1));
            assertThat(steps.getColumnWidth(2)).as("a step's name fits").isGreaterThan(30 * 256);

            XSSFSheet booking = read.getSheet("SOP A");
            assertThat(booking.getDrawingPatriarch().getCharts()).hasSize(1);
        }
    }
}

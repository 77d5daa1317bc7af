package id.dukcapil.portal.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.shared.Acting;
import id.dukcapil.portal.sla.CaseRef;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The dashboard's figures, read from the daily rollups, are the figures plain SQL computes over the raw steps of
 * the same generated month: count, median, 90th percentile, share within the standard and excused overruns, per
 * step and per point.
 */
@PortalTest
@WithUserDetails("manajer")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerformanceReportTests {

    private static final YearMonth MONTH = YearMonth.of(2035, 3);
    private static final LocalDate FROM = MONTH.atDay(1);
    private static final LocalDate TO = MONTH.atEndOfMonth();

    @Autowired StepClock stepClock;
    @Autowired DailyRollups rollups;
    @Autowired PerformanceReports reports;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;

    @BeforeAll
    void a_generated_month() {
        GeneratedMonth.record(stepClock, MONTH, 120, 2035);
        // Every third overrun excused (as SOP C's desks do for a technical failure), the rollups built with them.
        jdbc.update("""
                UPDATE sla_step SET excused_reason = 'Jaringan SIAK terputus' WHERE day BETWEEN ? AND ?
                AND within_standard = FALSE AND MOD(id, 3) = 0""", FROM, TO);
        Acting.as(Acting.signedIn(users, "manajer"), () -> {
            for (LocalDate day = FROM; !day.isAfter(TO); day = day.plusDays(1)) {
                rollups.rebuild(day);
            }
            return null;
        });
    }

    @Test
    void figures_per_step_and_per_point_agree_with_plain_sql_over_the_raw_steps() {
        rollups.refresh();
        ReportFilter month = ReportFilter.between(FROM, TO);

        List<ReportFigure> perStep = reports.figures(month, Breakdown.STEP);
        Map<String, Map<String, Object>> sqlPerStep = sql("step");
        assertThat(perStep).hasSize(sqlPerStep.size()).hasSizeGreaterThan(10);
        assertThat(perStep).anyMatch(figure -> figure.excused() > 0);
        for (ReportFigure figure : perStep) {
            assertAgrees(figure, sqlPerStep.get(figure.step().name()));
        }

        List<ReportFigure> perPoint = reports.figures(month, Breakdown.SERVICE_POINT);
        Map<String, Map<String, Object>> sqlPerPoint = sql("service_point");
        assertThat(perPoint).extracting(ReportFigure::servicePoint).containsExactlyElementsOf(GeneratedMonth.POINTS.stream().sorted().toList());
        for (ReportFigure figure : perPoint) {
            assertAgrees(figure, sqlPerPoint.get(figure.servicePoint()));
        }

        // One procedure and one point: the filters narrow the same figures.
        List<ReportFigure> bAtMpp = reports.figures(month.withProcedure(Procedure.B_KK_PRINT).withServicePoint("RPT-MPP"),
                Breakdown.STEP);
        assertThat(bAtMpp).allMatch(figure -> figure.procedure() == Procedure.B_KK_PRINT);
        var verification = jdbc.queryForMap("""
                SELECT DISTINCT COUNT(*) OVER () AS n, PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY duration_ms) OVER () AS p90
                FROM sla_step WHERE day BETWEEN ? AND ? AND duration_ms IS NOT NULL AND step = 'B7_VERIFICATION'
                AND service_point = 'RPT-MPP'""", FROM, TO);
        ReportFigure b7 = bAtMpp.stream().filter(f -> f.step() == SopStep.B7_VERIFICATION).findFirst().orElseThrow();
        assertThat(b7.count()).isEqualTo(((Number) verification.get("n")).longValue());
        assertThat(b7.percentile90().toMillis()).isCloseTo(Math.round(((Number) verification.get("p90")).doubleValue()), within(1L));
    }

    @Test
    void a_late_step_rebuilds_the_rollup_of_the_day_it_started() {
        rollups.refresh();
        LocalDate day = MONTH.atDay(10);
        ReportFilter oneDay = ReportFilter.between(day, day).withServicePoint("RPT-UKL-1");
        long before = reports.figures(oneDay, Breakdown.DAY).getFirst().count();

        CaseRef late = new CaseRef(Procedure.A_BOOKING, "RPT-LATE-" + System.nanoTime());
        Instant start = day.atTime(16, 0).atZone(GeneratedMonth.OFFICE).toInstant();
        stepClock.enter(late, SopStep.A8_TICKET, start, "petugas0", "RPT-UKL-1");
        rollups.refresh();
        assertThat(reports.figures(oneDay, Breakdown.DAY).getFirst().count()).as("still open").isEqualTo(before);

        // It ends the next morning: the day it started counts it now.
        stepClock.leave(late, SopStep.A8_TICKET, start.plus(Duration.ofHours(17)), "petugas0");
        assertThat(rollups.refresh()).contains(day);
        ReportFigure after = reports.figures(oneDay, Breakdown.DAY).getFirst();
        assertThat(after.count()).isEqualTo(before + 1);
        assertThat(after.withinStandard()).isEqualTo(reports.figures(oneDay, Breakdown.DAY).getFirst().withinStandard());
        assertThat(after.count()).isEqualTo(jdbc.queryForObject("""
                SELECT COUNT(*) FROM sla_step WHERE day = ? AND service_point = 'RPT-UKL-1' AND duration_ms IS NOT NULL""",
                Long.class, day));
    }

    @Test
    void a_step_recorded_with_an_end_long_past_is_caught_by_the_count_check() {
        rollups.refresh();
        LocalDate day = MONTH.atDay(20);
        jdbc.update("UPDATE reports_rollup_day SET steps = steps - 1 WHERE day = ?", day);
        assertThat(rollups.reconcile(FROM, TO)).containsExactly(day);
        assertThat(rollups.reconcile(FROM, TO)).isEmpty();
    }

    private void assertAgrees(ReportFigure figure, Map<String, Object> sql) {
        assertThat(figure.count()).isEqualTo(((Number) sql.get("n")).longValue());
        assertThat(figure.median().toMillis()).as("median of %s", figure)
                .isCloseTo(Math.round(((Number) sql.get("p50")).doubleValue()), within(1L));
        assertThat(figure.percentile90().toMillis()).as("p90 of %s", figure)
                .isCloseTo(Math.round(((Number) sql.get("p90")).doubleValue()), within(1L));
        assertThat(figure.share()).isCloseTo(((Number) sql.get("share")).doubleValue(), within(1e-4));
        assertThat(figure.excused()).as("excused overruns of %s", figure).isEqualTo(((Number) sql.get("excused")).longValue())
                .isLessThanOrEqualTo(figure.breaches());
    }

    /** The plain-SQL figures over the raw steps, per {@code column}. */
    private Map<String, Map<String, Object>> sql(String column) {
        var rows = jdbc.queryForList("""
                SELECT DISTINCT %1$s AS k, COUNT(*) OVER (PARTITION BY %1$s) AS n,
                    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY duration_ms) OVER (PARTITION BY %1$s) AS p50,
                    PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY duration_ms) OVER (PARTITION BY %1$s) AS p90,
                    AVG(within_standard) OVER (PARTITION BY %1$s) AS share,
                    SUM(within_standard = FALSE AND excused_reason IS NOT NULL) OVER (PARTITION BY %1$s) AS excused
                FROM sla_step WHERE day BETWEEN ? AND ? AND duration_ms IS NOT NULL""".formatted(column), FROM, TO);
        return rows.stream().collect(java.util.stream.Collectors.toMap(row -> (String) row.get("k"), row -> row));
    }
}

package id.dukcapil.portal.sla;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.Benchmark;
import id.dukcapil.portal.PortalTest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The step-clock report over 1,000,000 recorded steps (a year of the whole regency): the portal's query next to
 * the plain-SQL baseline (MariaDB's PERCENTILE_CONT window functions over the same rows). Target ≤ 1 s.
 */
@Benchmark
@PortalTest
@WithUserDetails("manajer")
class StepReportBenchmark {

    private static final int STEPS = 1_000_000;
    private static final LocalDate FIRST_DAY = LocalDate.of(2031, 1, 1);
    private static final int DAYS = 365;

    @Autowired StepReports reports;
    @Autowired JdbcTemplate jdbc;

    @Test
    void report_over_a_million_recorded_steps() {
        long loadStart = System.nanoTime();
        load();
        System.out.printf("BENCHMARK sla: loaded %,d steps in %.1f s%n", STEPS, (System.nanoTime() - loadStart) / 1e9);
        LocalDate last = FIRST_DAY.plusDays(DAYS - 1);

        measure("per procedure and step, one year", () -> reports.report(
                StepReportQuery.between(FIRST_DAY, last, ReportDimension.STEP)).size());
        measure("per officer, one year", () -> reports.report(
                StepReportQuery.between(FIRST_DAY, last, ReportDimension.OFFICER)).size());
        measure("per service point and day, one year", () -> reports.report(
                StepReportQuery.between(FIRST_DAY, last, ReportDimension.SERVICE_POINT, ReportDimension.DAY)).size());
        measure("per step, officer, service point and day, one year", () -> reports.report(
                StepReportQuery.between(FIRST_DAY, last, ReportDimension.values())).size());
        measure("per step and officer, one month", () -> reports.report(
                StepReportQuery.between(FIRST_DAY, FIRST_DAY.plusDays(30), ReportDimension.STEP, ReportDimension.OFFICER)).size());
        measure("floor: only streaming the rows a per-step report reads, one year", () -> {
            JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
            streaming.setFetchSize(10_000);
            long[] rows = new long[1];
            streaming.query("""
                    SELECT duration_ms, within_standard, procedure_code, step FROM sla_step FORCE INDEX (ix_sla_step_report)
                    WHERE day BETWEEN ? AND ? AND duration_ms IS NOT NULL""", rs -> {
                rs.getLong(1);
                rs.getBoolean(2);
                rs.getString(3);
                rs.getString(4);
                rows[0]++;
            }, FIRST_DAY, last);
            return (int) rows[0];
        });
        measure("baseline: plain SQL PERCENTILE_CONT per procedure and step, one year", 1, () -> jdbc.queryForList("""
                SELECT DISTINCT procedure_code, step,
                    COUNT(*) OVER (PARTITION BY procedure_code, step),
                    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY duration_ms) OVER (PARTITION BY procedure_code, step),
                    PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY duration_ms) OVER (PARTITION BY procedure_code, step),
                    AVG(within_standard) OVER (PARTITION BY procedure_code, step)
                FROM sla_step WHERE day BETWEEN ? AND ? AND duration_ms IS NOT NULL""", FIRST_DAY, last).size());
        measure("baseline: plain SQL PERCENTILE_CONT per officer, one year", 1, () -> jdbc.queryForList("""
                SELECT DISTINCT ended_by,
                    COUNT(*) OVER (PARTITION BY ended_by),
                    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY duration_ms) OVER (PARTITION BY ended_by),
                    PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY duration_ms) OVER (PARTITION BY ended_by),
                    AVG(within_standard) OVER (PARTITION BY ended_by)
                FROM sla_step WHERE day BETWEEN ? AND ? AND duration_ms IS NOT NULL""", FIRST_DAY, last).size());

        // Both ways give the same figures.
        List<StepStatistics> portal = reports.report(StepReportQuery.between(FIRST_DAY, last, ReportDimension.STEP));
        var sql = jdbc.queryForMap("""
                SELECT DISTINCT COUNT(*) OVER (PARTITION BY step) AS n, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY duration_ms) OVER (PARTITION BY step) AS p50,
                    PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY duration_ms) OVER (PARTITION BY step) AS p90
                FROM sla_step WHERE day BETWEEN ? AND ? AND duration_ms IS NOT NULL AND step = 'C3_RECORDING'""", FIRST_DAY, last);
        StepStatistics c3 = portal.stream().filter(row -> row.step() == SopStep.C3_RECORDING).findFirst().orElseThrow();
        assertThat(c3.count()).isEqualTo(((Number) sql.get("n")).longValue());
        assertThat(c3.median().toMillis()).isCloseTo(Math.round(((Number) sql.get("p50")).doubleValue()),
                org.assertj.core.api.Assertions.within(1L));
        assertThat(c3.percentile90().toMillis()).isCloseTo(Math.round(((Number) sql.get("p90")).doubleValue()),
                org.assertj.core.api.Assertions.within(1L));
    }

    private void measure(String what, Supplier<Integer> query) {
        query.get(); // warm-up: caches, JIT
        measure(what, 3, query);
    }

    /** Without warm-up: for the baseline, whose many seconds JIT and caches hardly change. */
    private void measure(String what, int runs, Supplier<Integer> query) {
        double[] seconds = new double[runs];
        int rows = 0;
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            rows = query.get();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        System.out.printf("BENCHMARK sla: %-70s median %.3f s (best %.3f, worst %.3f), %,d rows%n", what,
                seconds[runs / 2], seconds[0], seconds[runs - 1], rows);
    }

    /** A year of steps (see {@link GeneratedSteps}). */
    private void load() {
        GeneratedSteps.load(jdbc, STEPS, FIRST_DAY, DAYS, 20260101L, "BM");
    }
}

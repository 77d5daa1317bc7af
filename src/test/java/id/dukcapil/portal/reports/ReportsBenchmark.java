package id.dukcapil.portal.reports;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.Benchmark;
import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.sla.GeneratedSteps;
import java.io.IOException;
import java.io.OutputStream;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.util.List;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The reports at scale: a year of steps (10,000,000 by default; {@code -Dbenchmark.report-steps=1000000} for a
 * quicker run). The dashboard of the year from the rollups (target ≤ 1 s) beside the plain SQL aggregate over the
 * raw steps in the same run; the workbook of a period with 1,000,000 raw steps (target ≤ 1.3 × a bare SXSSF writer of
 * the same rows, heap ≤ 256 MB).
 */
@Benchmark
@PortalTest
@WithUserDetails("manajer")
class ReportsBenchmark {

    private static final int STEPS = Integer.getInteger("benchmark.report-steps", 10_000_000);
    private static final int WORKBOOK_STEPS = 1_000_000;
    private static final int WORKBOOK_RUNS = Integer.getInteger("benchmark.workbook-runs", 2);
    /** PERCENTILE_CONT over ten million raw steps takes some 13 minutes here: by default only up to two million. */
    private static final boolean SQL_PERCENTILES = Boolean.parseBoolean(
            System.getProperty("benchmark.report-sql-percentiles", String.valueOf(STEPS <= 2_000_000)));
    /**
     * A year in the past, as an office's history is: the minutely rollup job takes in steps by the time they ended,
     * and steps ending in the future would have it rebuild the whole year every minute while the figures are taken.
     */
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final int DAYS = 365;

    @Autowired PerformanceReports reports;
    @Autowired DailyRollups rollups;
    @Autowired ReportWorkbook workbook;
    @Autowired JdbcTemplate jdbc;

    @Test
    void dashboard_of_a_year_and_workbook_of_a_million_steps() throws Exception {
        LocalDate last = FIRST_DAY.plusDays(DAYS - 1);
        long start = System.nanoTime();
        load();
        System.out.printf("BENCHMARK reports: loaded %,d steps in %.1f s%n", STEPS, (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        int rebuilt = rollups.reconcile(FIRST_DAY, last).size();
        System.out.printf("BENCHMARK reports: rollups of %d days built in %.1f s%n", rebuilt, (System.nanoTime() - start) / 1e9);

        ReportFilter year = ReportFilter.between(FIRST_DAY, last);
        measure("dashboard of the year (per step, point, officer, day, week)", () -> reports.dashboard(year).perStep().size());
        measure("dashboard of the year, one procedure", () -> reports.dashboard(
                year.withProcedure(id.dukcapil.portal.sla.Procedure.B_KK_PRINT)).perStep().size());
        measure("dashboard of one month", () -> reports.dashboard(
                ReportFilter.between(FIRST_DAY, FIRST_DAY.plusDays(30))).perStep().size());
        measure("baseline: plain SQL COUNT/SUM per step over the raw steps, one year", () -> jdbc.queryForList("""
                SELECT procedure_code, step, COUNT(*), SUM(within_standard) FROM sla_step
                WHERE day BETWEEN ? AND ? AND duration_ms IS NOT NULL GROUP BY procedure_code, step""",
                FIRST_DAY, last).size());
        if (SQL_PERCENTILES) {
            measure("baseline: plain SQL PERCENTILE_CONT per step over the raw steps, one year", 1, () -> jdbc.queryForList("""
                SELECT DISTINCT step, COUNT(*) OVER (PARTITION BY step),
                    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY duration_ms) OVER (PARTITION BY step),
                    PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY duration_ms) OVER (PARTITION BY step),
                    AVG(within_standard) OVER (PARTITION BY step)
                FROM sla_step WHERE day BETWEEN ? AND ? AND duration_ms IS NOT NULL""", FIRST_DAY, last).size());
        }

        // The workbook: the first days that hold a million steps.
        LocalDate to = FIRST_DAY;
        long rows = 0;
        var perDay = jdbc.queryForList("SELECT day, COUNT(*) AS n FROM sla_step WHERE day BETWEEN ? AND ? GROUP BY day ORDER BY day",
                FIRST_DAY, last);
        for (var day : perDay) {
            rows += ((Number) day.get("n")).longValue();
            to = ((java.sql.Date) day.get("day")).toLocalDate();
            if (rows >= WORKBOOK_STEPS) {
                break;
            }
        }
        ReportFilter period = ReportFilter.between(FIRST_DAY, to);
        for (int run = 0; run < WORKBOOK_RUNS; run++) {
            long bare = timed(() -> bareWriter(period));
            System.gc();
            long before = heapInUse();
            LiveHeap live = new LiveHeap();
            long[] written = new long[1];
            long portal = timed(() -> written[0] = workbook.write(period, PortalMessages.INDONESIAN, OutputStream.nullOutputStream(), done -> { }));
            live.close();
            System.out.printf("BENCHMARK reports: workbook of %,d raw steps %.2f s, bare SXSSF writer %.2f s (%.2f ×); "
                            + "heap in use before %d MB, most in use after any collection during the write %d MB "
                            + "(%d collections)%n", written[0], portal / 1e9, bare / 1e9, (double) portal / bare,
                    before >> 20, live.max >> 20, live.collections);
        }
    }

    /** The same rows, straight from JDBC into a streaming workbook: the floor a workbook writer can reach. */
    private long bareWriter(ReportFilter period) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(500)) {
            book.setCompressTempFiles(true);
            Sheet sheet = book.createSheet("steps");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
            JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
            streaming.setFetchSize(5_000);
            int[] r = {0};
            streaming.query("""
                    SELECT procedure_code, case_id, step, day, started_at, ended_at, service_point, ended_by, duration_ms,
                        standard_seconds, within_standard FROM sla_step
                    WHERE day BETWEEN ? AND ? AND duration_ms IS NOT NULL ORDER BY day, started_at, id""", rs -> {
                Row row = sheet.createRow(++r[0]);
                row.createCell(0).setCellValue(rs.getString(1));
                row.createCell(1).setCellValue(rs.getString(2));
                row.createCell(2).setCellValue(rs.getString(3));
                row.createCell(3).setCellValue(rs.getDate(4).toLocalDate());
                row.getCell(3).setCellStyle(date);
                row.createCell(4).setCellValue(rs.getTimestamp(5).toLocalDateTime());
                row.createCell(5).setCellValue(rs.getTimestamp(6).toLocalDateTime());
                row.createCell(6).setCellValue(rs.getString(7));
                row.createCell(7).setCellValue(rs.getString(8));
                row.createCell(8).setCellValue(rs.getLong(9) / 86_400_000d);
                row.createCell(9).setCellValue(rs.getInt(10) / 86_400d);
                row.createCell(10).setCellValue(rs.getBoolean(11));
            }, period.from(), period.to());
            book.write(OutputStream.nullOutputStream());
            book.dispose();
            return r[0];
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Run {
        void run() throws Exception;
    }

    private static long timed(Run run) throws Exception {
        long start = System.nanoTime();
        run.run();
        return System.nanoTime() - start;
    }

    /**
     * The heap still in use after each garbage collection while it listens, the most of it: what a run needs (the
     * JVM's whole heap, the Spring context included), without the garbage a generous heap lets pile up.
     */
    private static final class LiveHeap implements AutoCloseable {
        private final List<Runnable> removals = new ArrayList<>();
        volatile long max;
        volatile int collections;

        LiveHeap() {
            Set<String> heap = new HashSet<>(heapPools().stream().map(MemoryPoolMXBean::getName).toList());
            NotificationListener listener = (notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(pool -> heap.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum();
                    max = Math.max(max, used);
                    collections++;
                }
            };
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                NotificationEmitter emitter = (NotificationEmitter) collector;
                emitter.addNotificationListener(listener, null, null);
                removals.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
        }

        @Override
        public void close() {
            removals.forEach(Runnable::run);
        }
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }

    private static long heapInUse() {
        return heapPools().stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    private void measure(String what, Supplier<Integer> query) {
        query.get();
        measure(what, 3, query);
    }

    private void measure(String what, int runs, Supplier<Integer> query) {
        double[] seconds = new double[runs];
        int rows = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            rows = query.get();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        System.out.printf("BENCHMARK reports: %-75s median %.3f s (best %.3f, worst %.3f), %,d rows%n", what,
                seconds[runs / 2], seconds[0], seconds[runs - 1], rows);
        assertThat(rows).isPositive();
    }

    /** A year of steps (see {@link GeneratedSteps}). */
    private void load() {
        GeneratedSteps.load(jdbc, STEPS, FIRST_DAY, DAYS, 20330101L, "RB");
    }
}

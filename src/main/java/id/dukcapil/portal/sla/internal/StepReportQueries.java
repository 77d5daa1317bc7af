package id.dukcapil.portal.sla.internal;

import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.ReportDimension;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepReportQuery;
import id.dukcapil.portal.sla.StepStatistics;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The report query: one pass over the covering index {@code ix_sla_step_report} (day first, so a period reads
 * only its days), streaming the grouped columns and durations; each group's durations are sorted here for exact
 * percentiles. MariaDB's PERCENTILE_CONT is a window function that sorts and numbers every row per partition;
 * this does the same work in primitive arrays (docs/benchmarks.md compares the two).
 */
@Component
public class StepReportQueries {

    private static final int FETCH_SIZE = 5_000;

    private final JdbcTemplate jdbc;

    StepReportQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        // Stream the rows: a year of steps does not need to sit in the driver's memory at once.
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    public List<StepStatistics> report(StepReportQuery query) {
        Set<ReportDimension> groupBy = query.groupBy();
        boolean byProcedure = groupBy.contains(ReportDimension.PROCEDURE);
        boolean byStep = groupBy.contains(ReportDimension.STEP);
        boolean byOfficer = groupBy.contains(ReportDimension.OFFICER);
        boolean byServicePoint = groupBy.contains(ReportDimension.SERVICE_POINT);
        boolean byDay = groupBy.contains(ReportDimension.DAY);

        StringBuilder sql = new StringBuilder("SELECT duration_ms, within_standard")
                .append(byProcedure ? ", procedure_code" : ", NULL")
                .append(byStep ? ", step" : ", NULL")
                .append(byOfficer ? ", ended_by" : ", NULL")
                .append(byServicePoint ? ", service_point" : ", NULL")
                .append(byDay ? ", day" : ", NULL")
                .append(" FROM sla_step FORCE INDEX (ix_sla_step_report)")
                .append(" WHERE day BETWEEN ? AND ? AND duration_ms IS NOT NULL");
        List<Object> params = new ArrayList<>(List.of(query.from(), query.to()));
        if (query.procedure() != null) {
            sql.append(" AND procedure_code = ?");
            params.add(query.procedure().name());
        }
        if (StringUtils.hasText(query.servicePoint())) {
            sql.append(" AND service_point = ?");
            params.add(query.servicePoint());
        }
        if (StringUtils.hasText(query.officer())) {
            sql.append(" AND ended_by = ?");
            params.add(query.officer());
        }

        Map<Key, Group> groups = new HashMap<>();
        jdbc.query(sql.toString(), rs -> {
            Key key = new Key(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    byDay ? rs.getObject(7, LocalDate.class) : null);
            groups.computeIfAbsent(key, k -> new Group()).add(rs.getLong(1), rs.getBoolean(2));
        }, params.toArray());

        return groups.entrySet().stream()
                .map(entry -> entry.getValue().statistics(entry.getKey()))
                .sorted(ORDER)
                .toList();
    }

    private static final Comparator<StepStatistics> ORDER = Comparator
            .comparing(StepStatistics::procedure, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(StepStatistics::step, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(StepStatistics::officer, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(StepStatistics::servicePoint, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(StepStatistics::day, Comparator.nullsFirst(Comparator.naturalOrder()));

    private record Key(@Nullable String procedure, @Nullable String step, @Nullable String officer,
                       @Nullable String servicePoint, @Nullable LocalDate day) {
    }

    /** A group's durations, in a growing primitive array. */
    private static final class Group {

        private long[] durations = new long[16];
        private int count;
        private long within;

        void add(long durationMs, boolean withinStandard) {
            if (count == durations.length) {
                durations = Arrays.copyOf(durations, count * 2);
            }
            durations[count++] = durationMs;
            if (withinStandard) {
                within++;
            }
        }

        StepStatistics statistics(Key key) {
            long[] sorted = Arrays.copyOf(durations, count);
            Arrays.sort(sorted);
            return new StepStatistics(
                    key.procedure() == null ? null : Procedure.valueOf(key.procedure()),
                    key.step() == null ? null : SopStep.valueOf(key.step()),
                    key.officer(), key.servicePoint(), key.day(), count,
                    Duration.ofMillis(Math.round(percentile(sorted, 0.5))),
                    Duration.ofMillis(Math.round(percentile(sorted, 0.9))),
                    (double) within / count);
        }
    }

    /** Linear interpolation between the closest ranks, as SQL's PERCENTILE_CONT. */
    static double percentile(long[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}

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
 * The report query: one streamed pass over the covering index {@code ix_sla_step_report} (day first, so a period
 * reads only its days). Each row's group is packed into a long (step, procedure, officer and service point as
 * small dictionary numbers, the day as an epoch day), durations go into one primitive array ordered by group
 * (a counting sort), and each group's slice is sorted for exact percentiles. MariaDB's PERCENTILE_CONT is a
 * window function that numbers every row of every partition; docs/benchmarks.md compares the two.
 */
@Component
public class StepReportQueries {

    private static final int FETCH_SIZE = 10_000;
    private static final int NONE = 0;

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
                // The step names its procedure: no need to read both.
                .append(byProcedure && !byStep ? ", procedure_code" : ", NULL")
                .append(byStep ? ", step" : ", NULL")
                .append(byOfficer ? ", ended_by" : ", NULL")
                .append(byServicePoint ? ", service_point" : ", NULL")
                .append(byDay ? ", DATEDIFF(day, '1970-01-01')" : ", 0")
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

        Rows rows = new Rows();
        jdbc.query(sql.toString(), rs -> {
            long key = Keys.pack(byStep ? NONE : rows.procedures.number(rs.getString(3)), rows.steps.number(rs.getString(4)),
                    rows.officers.number(rs.getString(5)), rows.servicePoints.number(rs.getString(6)),
                    byDay ? rs.getInt(7) + 1 : NONE);
            rows.add(key, rs.getLong(1), rs.getBoolean(2));
        }, params.toArray());
        return rows.statistics();
    }

    /** The distinct values of one text column as 1, 2, 3, ...; null is 0. */
    private static final class Dictionary {

        private final Map<String, Integer> numbers = new HashMap<>();
        private final List<String> values = new ArrayList<>(List.of(""));

        int number(@Nullable String value) {
            if (value == null) {
                return NONE;
            }
            Integer number = numbers.get(value);
            if (number == null) {
                number = values.size();
                numbers.put(value, number);
                values.add(value);
            }
            return number;
        }

        @Nullable String value(int number) {
            return number == NONE ? null : values.get(number);
        }

        /** For each number, its place in alphabetical order (null first). */
        int[] ranks() {
            Integer[] numbers = new Integer[values.size()];
            for (int n = 0; n < numbers.length; n++) {
                numbers[n] = n;
            }
            Arrays.sort(numbers, 1, numbers.length, Comparator.comparing(values::get));
            int[] ranks = new int[numbers.length];
            for (int place = 0; place < numbers.length; place++) {
                ranks[numbers[place]] = place;
            }
            return ranks;
        }

        /** Each number's enum constant (null for none). */
        <E extends Enum<E>> List<@Nullable E> constants(Class<E> type) {
            List<@Nullable E> constants = new ArrayList<>(values.size());
            constants.add(null);
            values.stream().skip(1).forEach(value -> constants.add(Enum.valueOf(type, value)));
            return constants;
        }
    }

    /** procedure 3 bits | step 6 bits | officer 20 bits | service point 16 bits | day 19 bits. */
    static final class Keys {

        private Keys() {
        }

        static long pack(int procedure, int step, int officer, int servicePoint, int day) {
            if (officer >= 1 << 20 || servicePoint >= 1 << 16 || day >= 1 << 19) {
                throw new IllegalStateException("Too many distinct officers, service points or days for one report");
            }
            return (long) procedure << 61 | (long) step << 55 | (long) officer << 35 | (long) servicePoint << 19 | day;
        }

        static int procedure(long key) {
            return (int) (key >>> 61);
        }

        static int step(long key) {
            return (int) (key >>> 55) & 0x3f;
        }

        static int officer(long key) {
            return (int) (key >>> 35) & 0xfffff;
        }

        static int servicePoint(long key) {
            return (int) (key >>> 19) & 0xffff;
        }

        static int day(long key) {
            return (int) key & 0x7ffff;
        }
    }

    /** Every row read, as primitive columns, and the groups they fall into. */
    private static final class Rows {

        final Dictionary procedures = new Dictionary();
        final Dictionary steps = new Dictionary();
        final Dictionary officers = new Dictionary();
        final Dictionary servicePoints = new Dictionary();
        private final LongIntMap groupOfKey = new LongIntMap();
        private long[] groupKeys = new long[64];
        private int[] groupCounts = new int[64];
        private int[] groupWithin = new int[64];
        private int groups;
        private int[] rowGroup = new int[1024];
        private long[] rowDuration = new long[1024];
        private int rows;

        void add(long key, long durationMs, boolean within) {
            int group = groupOfKey.get(key);
            if (group < 0) {
                group = groups++;
                groupOfKey.put(key, group);
                if (group == groupKeys.length) {
                    groupKeys = Arrays.copyOf(groupKeys, group * 2);
                    groupCounts = Arrays.copyOf(groupCounts, group * 2);
                    groupWithin = Arrays.copyOf(groupWithin, group * 2);
                }
                groupKeys[group] = key;
            }
            if (rows == rowGroup.length) {
                rowGroup = Arrays.copyOf(rowGroup, rows * 2);
                rowDuration = Arrays.copyOf(rowDuration, rows * 2);
            }
            rowGroup[rows] = group;
            rowDuration[rows++] = durationMs;
            groupCounts[group]++;
            if (within) {
                groupWithin[group]++;
            }
        }

        List<StepStatistics> statistics() {
            // Counting sort: each group's durations side by side, then each slice sorted.
            int[] start = new int[groups + 1];
            for (int g = 0; g < groups; g++) {
                start[g + 1] = start[g] + groupCounts[g];
            }
            int[] next = Arrays.copyOf(start, groups);
            long[] durations = new long[rows];
            for (int r = 0; r < rows; r++) {
                durations[next[rowGroup[r]]++] = rowDuration[r];
            }
            List<@Nullable SopStep> stepOf = steps.constants(SopStep.class);
            List<@Nullable Procedure> procedureOf = procedures.constants(Procedure.class);
            List<StepStatistics> statistics = new ArrayList<>(groups);
            for (int g : inReportOrder(procedureOf, stepOf)) {
                Arrays.sort(durations, start[g], start[g + 1]);
                long key = groupKeys[g];
                int day = Keys.day(key);
                SopStep step = stepOf.get(Keys.step(key));
                statistics.add(new StepStatistics(step != null ? step.procedure() : procedureOf.get(Keys.procedure(key)), step,
                        officers.value(Keys.officer(key)), servicePoints.value(Keys.servicePoint(key)),
                        day == NONE ? null : LocalDate.ofEpochDay(day - 1L), groupCounts[g],
                        Duration.ofMillis(Math.round(percentile(durations, start[g], start[g + 1], 0.5))),
                        Duration.ofMillis(Math.round(percentile(durations, start[g], start[g + 1], 0.9))),
                        (double) groupWithin[g] / groupCounts[g]));
            }
            return statistics;
        }

        /** Procedure and step in SOP order, officer and service point alphabetically, then day; nulls first. */
        private int[] inReportOrder(List<@Nullable Procedure> procedureOf, List<@Nullable SopStep> stepOf) {
            int[] officerRank = officers.ranks();
            int[] servicePointRank = servicePoints.ranks();
            long[] order = new long[groups];
            for (int g = 0; g < groups; g++) {
                long key = groupKeys[g];
                SopStep step = stepOf.get(Keys.step(key));
                Procedure procedure = step != null ? step.procedure() : procedureOf.get(Keys.procedure(key));
                order[g] = Keys.pack(procedure == null ? 0 : procedure.ordinal() + 1, step == null ? 0 : step.ordinal() + 1,
                        officerRank[Keys.officer(key)], servicePointRank[Keys.servicePoint(key)], Keys.day(key));
            }
            // Sort the ranked keys with the group number alongside: keys are unique, so a map finds it back.
            LongIntMap groupOfRankedKey = new LongIntMap();
            for (int g = 0; g < groups; g++) {
                groupOfRankedKey.put(order[g], g);
            }
            Arrays.sort(order);
            int[] groupsInOrder = new int[groups];
            for (int i = 0; i < groups; i++) {
                groupsInOrder[i] = groupOfRankedKey.get(order[i]);
            }
            return groupsInOrder;
        }
    }

    /** long → int without boxing: a million lookups per report. Open addressing, linear probing. */
    static final class LongIntMap {

        private long[] keys = new long[1024];
        private int[] values = new int[1024];
        private boolean[] used = new boolean[1024];
        private int size;

        int get(long key) {
            int mask = keys.length - 1;
            for (int i = slot(key, mask); used[i]; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
            }
            return -1;
        }

        void put(long key, int value) {
            if (size * 2 >= keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = slot(key, mask);
            while (used[i] && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (!used[i]) {
                size++;
            }
            used[i] = true;
            keys[i] = key;
            values[i] = value;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }
    }

    /** Linear interpolation between the closest ranks of sorted[from, to), as SQL's PERCENTILE_CONT. */
    static double percentile(long[] sorted, int from, int to, double p) {
        double position = p * (to - from - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, to - from - 1);
        return sorted[from + lower] + (position - lower) * (sorted[from + upper] - sorted[from + lower]);
    }
}

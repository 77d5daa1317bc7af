package id.dukcapil.portal.reports;

import id.dukcapil.portal.reports.internal.Durations;
import id.dukcapil.portal.reports.internal.RollupStore;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managers' figures, from the daily rollups (decision 090): per step, service point, officer, day or week,
 * the count, median, 90th percentile, share within the standard and breaches. The rollups hold every duration,
 * so the percentiles are the exact ones the raw steps give.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.MANAGER + "', '" + Roles.ADMIN + "', '" + Roles.HEAD + "')")
public class PerformanceReports {

    private static final double[] PERCENTILES = {0.5, 0.9};

    private final RollupStore store;

    PerformanceReports(RollupStore store) {
        this.store = store;
    }

    /** One breakdown's figures, in the breakdown's natural order (steps in SOP order, days ascending). */
    @Transactional(readOnly = true)
    public List<ReportFigure> figures(ReportFilter filter, Breakdown by) {
        return compute(filter, List.of(by)).get(by);
    }

    /** Every breakdown at once, reading the rollups once; the worst steps first. */
    @Transactional(readOnly = true)
    public Dashboard dashboard(ReportFilter filter) {
        List<Breakdown> all = List.of(Breakdown.values());
        Map<Breakdown, List<ReportFigure>> figures = compute(filter, all);
        List<ReportFigure> worstFirst = new ArrayList<>(figures.get(Breakdown.STEP));
        worstFirst.sort(Comparator.comparingDouble(ReportFigure::share).thenComparing(ReportFigure::breaches,
                Comparator.reverseOrder()));
        return new Dashboard(filter, total(figures), worstFirst, figures.get(Breakdown.SERVICE_POINT),
                figures.get(Breakdown.OFFICER), figures.get(Breakdown.DAY), figures.get(Breakdown.WEEK));
    }

    /** The service points with steps in the period: the dashboard's choices. */
    @Transactional(readOnly = true)
    public List<String> servicePoints(ReportFilter filter) {
        return store.servicePoints(filter.from(), filter.to());
    }

    private Map<Breakdown, List<ReportFigure>> compute(ReportFilter filter, List<Breakdown> breakdowns) {
        if (filter.to().isBefore(filter.from())) {
            throw new RuleViolation("reports.period.reversed");
        }
        if (ChronoUnit.DAYS.between(filter.from(), filter.to()) >= ReportFilter.MAX_DAYS) {
            throw new RuleViolation("reports.period.too-long", ReportFilter.MAX_DAYS);
        }
        List<RollupStore.Row> rows = new ArrayList<>();
        store.forEach(filter.from(), filter.to(), filter.procedure() == null ? null : filter.procedure().name(),
                filter.servicePoint(), filter.officer(), rows::add);
        Map<Breakdown, List<ReportFigure>> result = new EnumMap<>(Breakdown.class);
        Scratch scratch = new Scratch();
        for (Breakdown by : breakdowns) {
            result.put(by, figures(rows, by, scratch));
        }
        return result;
    }

    private static List<ReportFigure> figures(List<RollupStore.Row> rows, Breakdown by, Scratch scratch) {
        Function<RollupStore.Row, Object> keyOf = switch (by) {
            case STEP -> RollupStore.Row::step;
            case SERVICE_POINT -> RollupStore.Row::servicePoint;
            case OFFICER -> RollupStore.Row::officer;
            case DAY -> RollupStore.Row::day;
            case WEEK -> row -> row.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        };
        Map<Object, List<RollupStore.Row>> groups = new HashMap<>();
        for (RollupStore.Row row : rows) {
            groups.computeIfAbsent(keyOf.apply(row), ignored -> new ArrayList<>()).add(row);
        }
        List<ReportFigure> figures = new ArrayList<>(groups.size());
        groups.forEach((key, group) -> figures.add(figure(by, key, group, scratch)));
        figures.sort(order(by));
        return figures;
    }

    private static ReportFigure figure(@Nullable Breakdown by, @Nullable Object key, List<RollupStore.Row> group,
                                       Scratch scratch) {
        long count = 0;
        long within = 0;
        for (RollupStore.Row row : group) {
            count += row.steps();
            within += row.withinStandard();
        }
        long[] values = scratch.atLeast((int) count);
        int n = 0;
        for (RollupStore.Row row : group) {
            n = Durations.decode(row.durations(), values, n);
        }
        double[] p = n == 0 ? new double[] {0, 0} : Durations.percentiles(values, n, PERCENTILES);
        Duration median = Duration.ofMillis(Math.round(p[0]));
        Duration p90 = Duration.ofMillis(Math.round(p[1]));
        SopStep step = by == Breakdown.STEP ? SopStep.valueOf((String) key) : null;
        return new ReportFigure(step != null ? step.procedure() : null, step,
                by == Breakdown.SERVICE_POINT ? blankAsNull((String) key) : null,
                by == Breakdown.OFFICER ? blankAsNull((String) key) : null,
                by == Breakdown.DAY || by == Breakdown.WEEK ? (LocalDate) key : null, count, within, median, p90);
    }

    private static ReportFigure total(Map<Breakdown, List<ReportFigure>> figures) {
        List<ReportFigure> days = figures.get(Breakdown.DAY);
        long count = days.stream().mapToLong(ReportFigure::count).sum();
        long within = days.stream().mapToLong(ReportFigure::withinStandard).sum();
        return new ReportFigure(null, null, null, null, null, count, within, Duration.ZERO, Duration.ZERO);
    }

    private static Comparator<ReportFigure> order(Breakdown by) {
        return switch (by) {
            case STEP -> Comparator.comparing(figure -> figure.step().ordinal());
            case SERVICE_POINT -> Comparator.comparing(figure -> String.valueOf(figure.servicePoint()));
            case OFFICER -> Comparator.comparing(figure -> String.valueOf(figure.officer()));
            case DAY, WEEK -> Comparator.comparing(ReportFigure::period);
        };
    }

    private static @Nullable String blankAsNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /** One array reused for every group's durations: the largest group decides its size. */
    private static final class Scratch {
        private long[] values = new long[1024];

        long[] atLeast(int size) {
            if (values.length < size) {
                values = new long[Math.max(size, values.length * 2)];
            }
            return values;
        }
    }

    /** The procedures a report covers: one, or all. */
    static List<Procedure> procedures(@Nullable Procedure procedure) {
        return procedure == null ? List.of(Procedure.values()) : List.of(procedure);
    }
}

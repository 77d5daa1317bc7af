package id.dukcapil.portal.reports;

import id.dukcapil.portal.reports.internal.DayRollup;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.springframework.util.StringUtils;
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
    private static final int PARALLELISM = 2;

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

    /** One group of one day, as the breakdowns see it. */
    private record Row(LocalDate day, DayRollup.Group group) {
    }

    private Map<Breakdown, List<ReportFigure>> compute(ReportFilter filter, List<Breakdown> breakdowns) {
        if (filter.to().isBefore(filter.from())) {
            throw new RuleViolation("reports.period.reversed");
        }
        if (ChronoUnit.DAYS.between(filter.from(), filter.to()) >= ReportFilter.MAX_DAYS) {
            throw new RuleViolation("reports.period.too-long", ReportFilter.MAX_DAYS);
        }
        String procedure = filter.procedure() == null ? null : filter.procedure().name();
        String point = StringUtils.hasText(filter.servicePoint()) ? filter.servicePoint() : null;
        String officer = StringUtils.hasText(filter.officer()) ? filter.officer() : null;
        List<Row> rows = new ArrayList<>();
        store.forEachDay(filter.from(), filter.to(), (day, content) -> {
            for (DayRollup.Group group : DayRollup.unpack(content)) {
                if ((procedure == null || procedure.equals(group.procedure()))
                        && (point == null || point.equals(group.servicePoint()))
                        && (officer == null || officer.equals(group.officer()))) {
                    rows.add(new Row(day, group));
                }
            }
        });
        // The breakdowns are independent: two at a time (the machine's cores), each with its own scratch array.
        Map<Breakdown, List<ReportFigure>> result = new EnumMap<>(Breakdown.class);
        try (ExecutorService executor = Executors.newFixedThreadPool(Math.min(PARALLELISM, breakdowns.size()))) {
            Map<Breakdown, Future<List<ReportFigure>>> futures = new EnumMap<>(Breakdown.class);
            ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
            for (Breakdown by : breakdowns) {
                futures.put(by, executor.submit(() -> figures(rows, by, scratch.get())));
            }
            for (var future : futures.entrySet()) {
                result.put(future.getKey(), future.getValue().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Report interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        return result;
    }

    private static List<ReportFigure> figures(List<Row> rows, Breakdown by, Scratch scratch) {
        Function<Row, Object> keyOf = switch (by) {
            case STEP -> row -> row.group().step();
            case SERVICE_POINT -> row -> row.group().servicePoint();
            case OFFICER -> row -> row.group().officer();
            case DAY -> Row::day;
            case WEEK -> row -> row.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        };
        Map<Object, List<DayRollup.Group>> groups = new HashMap<>();
        for (Row row : rows) {
            groups.computeIfAbsent(keyOf.apply(row), ignored -> new ArrayList<>()).add(row.group());
        }
        List<ReportFigure> figures = new ArrayList<>(groups.size());
        groups.forEach((key, group) -> figures.add(figure(by, key, group, scratch)));
        figures.sort(order(by));
        return figures;
    }

    private static ReportFigure figure(Breakdown by, Object key, List<DayRollup.Group> group, Scratch scratch) {
        long count = 0;
        long within = 0;
        for (DayRollup.Group part : group) {
            count += part.count();
            within += part.within();
        }
        long[] values = scratch.atLeast((int) count);
        int n = 0;
        for (DayRollup.Group part : group) {
            n = Durations.decode(part.content(), part.from(), part.to(), values, n);
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

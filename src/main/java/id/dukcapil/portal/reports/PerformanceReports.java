package id.dukcapil.portal.reports;

import id.dukcapil.portal.reports.internal.DayRollup;
import id.dukcapil.portal.reports.internal.Percentiles;
import id.dukcapil.portal.reports.internal.RollupStore;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import java.time.DayOfWeek;
import id.dukcapil.portal.shared.NaturalOrder;
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
import org.springframework.util.StringUtils;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managers' figures, from the daily rollups (decision 090): per step, service point, officer, day or week,
 * the count, median, 90th percentile, share within the standard, breaches and the excused among them. The rollups hold every duration,
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
        // Two threads (the machine's cores), each with a share of the breakdowns: it reads every duration twice for
        // all of its breakdowns at once.
        List<List<Breakdown>> shares = new ArrayList<>();
        for (int i = 0; i < breakdowns.size(); i++) {
            if (i < PARALLELISM) {
                shares.add(new ArrayList<>());
            }
            shares.get(i % PARALLELISM).add(breakdowns.get(i));
        }
        Map<Breakdown, List<ReportFigure>> result = new EnumMap<>(Breakdown.class);
        try (ExecutorService executor = Executors.newFixedThreadPool(shares.size())) {
            List<Future<Map<Breakdown, List<ReportFigure>>>> futures = new ArrayList<>();
            for (List<Breakdown> share : shares) {
                futures.add(executor.submit(() -> figures(rows, share)));
            }
            for (var future : futures) {
                result.putAll(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Report interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        return result;
    }

    /**
     * The figures of the given breakdowns. Every key of every breakdown is a series of {@link Percentiles}; each
     * row belongs to one series per breakdown.
     */
    private static Map<Breakdown, List<ReportFigure>> figures(List<Row> rows, List<Breakdown> share) {
        int k = share.size();
        List<Map<Object, Integer>> seriesOfKey = new ArrayList<>();
        share.forEach(by -> seriesOfKey.add(new HashMap<>()));
        List<Object> keys = new ArrayList<>();
        List<Breakdown> breakdownOf = new ArrayList<>();
        int[] series = new int[rows.size() * k];
        for (int r = 0; r < rows.size(); r++) {
            for (int i = 0; i < k; i++) {
                Breakdown by = share.get(i);
                Object key = key(by, rows.get(r));
                Integer s = seriesOfKey.get(i).get(key);
                if (s == null) {
                    s = keys.size();
                    seriesOfKey.get(i).put(key, s);
                    keys.add(key);
                    breakdownOf.add(by);
                }
                series[r * k + i] = s;
            }
        }
        long[] count = new long[keys.size()];
        long[] within = new long[keys.size()];
        long[] excused = new long[keys.size()];
        Percentiles percentiles = new Percentiles(keys.size(), PERCENTILES);
        for (int r = 0; r < rows.size(); r++) {
            DayRollup.Group group = rows.get(r).group();
            percentiles.count(group, series, r * k, r * k + k);
            for (int i = r * k; i < r * k + k; i++) {
                count[series[i]] += group.count();
                within[series[i]] += group.within();
                excused[series[i]] += group.excused();
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            percentiles.keep(rows.get(r).group(), series, r * k, r * k + k);
        }
        Map<Breakdown, List<ReportFigure>> figures = new EnumMap<>(Breakdown.class);
        share.forEach(by -> figures.put(by, new ArrayList<>()));
        for (int s = 0; s < keys.size(); s++) {
            double[] p = percentiles.of(s);
            figures.get(breakdownOf.get(s)).add(figure(breakdownOf.get(s), keys.get(s), count[s], within[s], excused[s],
                    Duration.ofMillis(Math.round(p[0])), Duration.ofMillis(Math.round(p[1]))));
        }
        figures.forEach((by, list) -> list.sort(order(by)));
        return figures;
    }

    private static Object key(Breakdown by, Row row) {
        return switch (by) {
            case STEP -> row.group().step();
            case SERVICE_POINT -> row.group().servicePoint();
            case OFFICER -> row.group().officer();
            case DAY -> row.day();
            case WEEK -> row.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        };
    }

    private static ReportFigure figure(Breakdown by, Object key, long count, long within, long excused,
                                       Duration median, Duration p90) {
        SopStep step = by == Breakdown.STEP ? SopStep.valueOf((String) key) : null;
        return new ReportFigure(step != null ? step.procedure() : null, step,
                by == Breakdown.SERVICE_POINT ? blankAsNull((String) key) : null,
                by == Breakdown.OFFICER ? blankAsNull((String) key) : null,
                by == Breakdown.DAY || by == Breakdown.WEEK ? (LocalDate) key : null, count, within, excused, median, p90);
    }

    private static ReportFigure total(Map<Breakdown, List<ReportFigure>> figures) {
        List<ReportFigure> days = figures.get(Breakdown.DAY);
        long count = days.stream().mapToLong(ReportFigure::count).sum();
        long within = days.stream().mapToLong(ReportFigure::withinStandard).sum();
        long excused = days.stream().mapToLong(ReportFigure::excused).sum();
        return new ReportFigure(null, null, null, null, null, count, within, excused, Duration.ZERO, Duration.ZERO);
    }

    private static Comparator<ReportFigure> order(Breakdown by) {
        return switch (by) {
            case STEP -> Comparator.comparing(figure -> figure.step().ordinal());
            case SERVICE_POINT -> Comparator.comparing(figure -> String.valueOf(figure.servicePoint()), NaturalOrder.TEXT);
            case OFFICER -> Comparator.comparing(figure -> String.valueOf(figure.officer()), NaturalOrder.TEXT);
            case DAY, WEEK -> Comparator.comparing(ReportFigure::period);
        };
    }

    private static @Nullable String blankAsNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /** The procedures a report covers: one, or all. */
    static List<Procedure> procedures(@Nullable Procedure procedure) {
        return procedure == null ? List.of(Procedure.values()) : List.of(procedure);
    }
}

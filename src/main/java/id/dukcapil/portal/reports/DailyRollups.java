package id.dukcapil.portal.reports;

import id.dukcapil.portal.reports.internal.DayRollup;
import id.dukcapil.portal.reports.internal.Durations;
import id.dukcapil.portal.reports.internal.RollupStore;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.sla.EndedStep;
import id.dukcapil.portal.sla.StepLog;
import id.dukcapil.portal.sla.StepLogFilter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily rollups the reports read (decision 090): per day, procedure, step, service point and officer, the
 * count, how many within the standard, how many over it for an excused reason, and every duration. A day is rebuilt whole from its raw steps whenever a
 * step of it ends later (a late step), found by the time steps ended since the last refresh; a count check
 * catches a step recorded with an end already long past.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.MANAGER + "', '" + Roles.ADMIN + "', '" + Roles.HEAD + "')")
public class DailyRollups {

    /**
     * Steps end in transactions that commit a moment later, on nodes whose clocks differ a little from the
     * database's: each refresh looks this far back again.
     */
    static final Duration COMMIT_MARGIN = Duration.ofMinutes(2);

    private final StepLog stepLog;
    private final RollupStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DailyRollups(StepLog stepLog, RollupStore store, TransactionTemplate transactions, Clock clock) {
        this.stepLog = stepLog;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Rebuilds every day with a step ended since the last refresh; returns those days. */
    public SortedSet<LocalDate> refresh() {
        Instant started = store.databaseNow();
        Instant since = store.watermark().minus(COMMIT_MARGIN);
        SortedSet<LocalDate> days = stepLog.daysOfStepsEndedSince(since);
        days.forEach(this::rebuild);
        store.advanceWatermark(started);
        return days;
    }

    /** Rebuilds the days of the period whose rollup is missing or counts other steps than the raw ones. */
    public SortedSet<LocalDate> reconcile(LocalDate from, LocalDate to) {
        Map<LocalDate, Long> raw = stepLog.endedPerDay(from, to);
        Map<LocalDate, Long> built = store.builtDays(from, to);
        SortedSet<LocalDate> stale = new TreeSet<>();
        raw.forEach((day, count) -> {
            if (!count.equals(built.get(day))) {
                stale.add(day);
            }
        });
        built.forEach((day, count) -> {
            if (count != 0 && !raw.containsKey(day)) {
                stale.add(day);
            }
        });
        stale.forEach(this::rebuild);
        return stale;
    }

    /** The day's rollup from its raw steps, in one transaction; two nodes on the same day take turns. */
    public void rebuild(LocalDate day) {
        transactions.executeWithoutResult(status -> {
            store.lockDay(day, clock.instant());
            Map<List<String>, Group> groups = new HashMap<>();
            long steps = stepLog.forEach(StepLogFilter.between(day, day), step -> {
                List<String> key = List.of(step.caseRef().procedure().name(), step.step().name(),
                        Objects.requireNonNullElse(step.servicePoint(), ""), Objects.requireNonNullElse(step.officer(), ""));
                groups.computeIfAbsent(key, ignored -> new Group()).add(step);
            });
            List<DayRollup.Group> packed = new ArrayList<>(groups.size());
            groups.forEach((key, group) -> {
                byte[] durations = Durations.encode(group.durations, group.count);
                packed.add(new DayRollup.Group(key.get(0), key.get(1), key.get(2), key.get(3), group.count,
                        group.within, group.excused, durations, 0, durations.length));
            });
            store.replaceDay(day, DayRollup.pack(packed), steps, clock.instant());
        });
    }

    private static final class Group {
        long[] durations = new long[16];
        int count;
        int within;
        int excused;

        void add(EndedStep step) {
            if (count == durations.length) {
                durations = Arrays.copyOf(durations, count * 2);
            }
            durations[count++] = step.durationMs();
            if (step.withinStandard()) {
                within++;
            } else if (step.excused()) {
                excused++;
            }
        }
    }
}

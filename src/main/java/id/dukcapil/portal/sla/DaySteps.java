package id.dukcapil.portal.sla;

import id.dukcapil.portal.sla.internal.StandardEntity;
import id.dukcapil.portal.sla.internal.StandardRepository;
import id.dukcapil.portal.sla.internal.StepReportQueries;
import id.dukcapil.portal.sla.internal.StepStore;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import id.dukcapil.portal.shared.report.TableReport;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A procedure's day at one point from its step clocks, each step beside the standard in force that day: what a
 * procedure's own daily document prints (SOP B's KK print day, SOP E's daily IKD report). Not guarded here: the
 * module that prints it decides who may read it (the point's own desk, the managers), as {@link StepReports} guards
 * the managers' dashboard.
 */
@Service
public class DaySteps {

    /**
     * One step's day: how many ended done, their median and 90th percentile (none if none did), the standard, the
     * share within it, how many of the overruns were excused (a technical failure the SOP lets run over), and how many
     * ended abandoned, without their output (counted apart, never as done: {@link StepClock#abandonIfOpen}).
     */
    public record DayStep(SopStep step, long count, @Nullable Duration median, @Nullable Duration percentile90,
                          @Nullable Duration standard, double withinStandard, long excused, long abandoned) {

        /** How many ran over their standard, as the share within it says. */
        public long overStandard() {
            return Math.round(count * (1 - withinStandard));
        }
    }

    /**
     * The day's steps as a report's table (every daily document prints the same one): step, count, median, 90th
     * percentile, the standard, the share within it and the excused overruns.
     */
    @Transactional(readOnly = true)
    public TableReport.Table table(Procedure procedure, String servicePoint, LocalDate day, Locale locale) {
        List<String> headers = java.util.stream.Stream.of("step", "count", "median", "p90", "standard", "within",
                "excused", "abandoned").map(key -> messages.getMessage("sla.day-steps." + key, null, locale)).toList();
        return new TableReport.Table(messages.getMessage("sla.day-steps.title", null, locale), headers,
                of(procedure, servicePoint, day).stream().<List<Object>>map(step -> List.of(
                        step.step().sopRows() + ". " + messages.getMessage(step.step().labelKey(), null, locale),
                        step.count(), orDash(step.median()), orDash(step.percentile90()), orDash(step.standard()),
                        step.count() == 0 ? NONE : Math.round(step.withinStandard() * 100) + " %", step.excused(),
                        step.abandoned())).toList());
    }

    private static final String NONE = "–";

    private static Object orDash(@Nullable Duration duration) {
        return duration == null ? NONE : duration;
    }

    /**
     * How many cases of the procedure began at the point that day with the step: the requests received (SOP B's
     * step 6 is the first the portal sees), a case sent back into the step not counted twice.
     */
    @Transactional(readOnly = true)
    public long casesBegun(Procedure procedure, String servicePoint, LocalDate day, SopStep firstStep) {
        return steps.casesBegun(procedure.name(), servicePoint, day, firstStep);
    }

    private final StepReportQueries queries;
    private final StandardRepository standards;
    private final StepStore steps;
    private final MessageSource messages;

    DaySteps(StepReportQueries queries, StandardRepository standards, StepStore steps, MessageSource messages) {
        this.queries = queries;
        this.standards = standards;
        this.steps = steps;
        this.messages = messages;
    }

    /**
     * How long the cases that came into the step's inbox at the point that day waited before an officer took them
     * (SOP B's step 6, as SOP C's waiting room is apart from its step 3): none if none was taken yet.
     *
     * @param taken    how many were taken
     * @param median   their median wait, nearest rank
     * @param longest  the longest
     * @param waiting  how many still wait
     */
    public record InboxWait(long taken, @Nullable Duration median, @Nullable Duration longest, long waiting) {
    }

    /** The inbox wait before the step of the cases that came into it at the point that day ({@link InboxWait}). */
    @Transactional(readOnly = true)
    public InboxWait waits(Procedure procedure, String servicePoint, LocalDate day, SopStep step) {
        List<Long> waits = steps.waits(procedure.name(), servicePoint, day, step);
        long waiting = steps.stillWaiting(procedure.name(), servicePoint, day, step);
        if (waits.isEmpty()) {
            return new InboxWait(0, null, null, waiting);
        }
        return new InboxWait(waits.size(), Duration.ofMillis(waits.get((waits.size() + 1) / 2 - 1)),
                Duration.ofMillis(waits.getLast()), waiting);
    }

    /** The steps of the procedure at the point that day, in SOP order. */
    @Transactional(readOnly = true)
    public List<DayStep> of(Procedure procedure, String servicePoint, LocalDate day) {
        Map<SopStep, Duration> standardOf = new EnumMap<>(SopStep.class);
        for (StandardEntity row : standards.allInForce(day)) {
            StepStandard standard = row.toRecord();
            if (standard.procedure() == procedure && standard.step() != null) {
                standardOf.put(standard.step(), standard.standard());
            }
        }
        Map<String, Long> excused = steps.excusedOverruns(procedure.name(), servicePoint, day);
        Map<String, Long> abandoned = steps.abandoned(procedure.name(), servicePoint, day);
        Map<SopStep, DayStep> done = new EnumMap<>(SopStep.class);
        queries.report(StepReportQuery.between(day, day, ReportDimension.STEP).withProcedure(procedure)
                .withServicePoint(servicePoint)).forEach(row -> {
                    SopStep step = Objects.requireNonNull(row.step());
                    done.put(step, new DayStep(step, row.count(), row.median(), row.percentile90(), standardOf.get(step),
                            row.withinStandard(), excused.getOrDefault(step.name(), 0L),
                            abandoned.getOrDefault(step.name(), 0L)));
                });
        // A step nobody finished that day but some abandoned still has its row: the abandoned are counted, apart.
        abandoned.forEach((name, count) -> done.computeIfAbsent(SopStep.valueOf(name), step -> new DayStep(step, 0,
                null, null, standardOf.get(step), 1, 0, count)));
        return List.copyOf(done.values());
    }
}

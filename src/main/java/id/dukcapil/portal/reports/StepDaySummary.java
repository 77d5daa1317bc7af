package id.dukcapil.portal.reports;

import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.pdf.PdfRenderer;
import id.dukcapil.portal.shared.report.TableReport;
import id.dukcapil.portal.sla.DaySteps;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * A procedure's day at a point from its step clocks (reports/reports/kk-print-day.jrxml, a page of figures and a
 * table of steps): how many cases began that day, how many went through three telling steps, how many steps ran over,
 * and each step's times against the standards in force that day, the steps abandoned without their output apart. SOP B's KK print day and SOP E's IKD day are two of them
 * ({@link DailySummarySources}).
 */
class StepDaySummary implements DailySummarySource {

    static final String TEMPLATE = "reports/kk-print-day";

    private final Procedure procedure;
    private final String titleKey;
    private final String figuresKey;
    private final SopStep firstStep;
    private final List<SopStep> countedSteps;
    private final @Nullable SopStep waitedStep;

    private final DaySteps daySteps;
    private final ServicePoints servicePoints;
    private final PdfRenderer renderer;
    private final MessageSource messages;

    /**
     * @param firstStep    the first step the portal sees of a case: the figures line begins with how many cases began
     *                     with it that day (the requests received)
     * @param countedSteps the steps whose done counts the figures line names next, in its order
     * @param waitedStep   the step whose cases wait in an inbox before an officer takes them: the wait is a figure of
     *                     its own ({@code reports.daily.wait}), not part of the step's times; {@code null} if none
     */
    StepDaySummary(Procedure procedure, String titleKey, String figuresKey, SopStep firstStep,
                   List<SopStep> countedSteps, @Nullable SopStep waitedStep, DaySteps daySteps,
                   ServicePoints servicePoints, PdfRenderer renderer, MessageSource messages) {
        this.procedure = procedure;
        this.titleKey = titleKey;
        this.figuresKey = figuresKey;
        this.firstStep = firstStep;
        this.countedSteps = List.copyOf(countedSteps);
        this.waitedStep = waitedStep;
        this.daySteps = daySteps;
        this.servicePoints = servicePoints;
        this.renderer = renderer;
        this.messages = messages;
    }

    @Override
    public Procedure procedure() {
        return procedure;
    }

    @Override
    public byte[] pdf(String point, LocalDate day, Locale locale) {
        ServicePoint servicePoint = servicePoints.byCode(point)
                .orElseThrow(() -> new RuleViolation("reports.daily.unknown-point", point));
        List<DaySteps.DayStep> steps = daySteps.of(procedure, point, day);
        List<Object> figures = new ArrayList<>();
        figures.add(daySteps.casesBegun(procedure, point, day, firstStep));
        countedSteps.forEach(step -> figures.add(count(steps, step)));
        figures.add(steps.stream().mapToLong(DaySteps.DayStep::overStandard).sum());
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("OFFICE", text("shared.report.office", locale));
        parameters.put("TITLE", text(titleKey, locale));
        parameters.put("SUBTITLE", servicePoint.name() + " · "
                + DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(day));
        String figuresText = messages.getMessage(figuresKey, figures.toArray(), locale);
        if (waitedStep != null) {
            DaySteps.InboxWait wait = daySteps.waits(procedure, point, day, waitedStep);
            figuresText += "\n" + messages.getMessage("reports.daily.wait", new Object[] {waitedStep.sopRows(),
                    wait.taken(), minutes(wait.median()), minutes(wait.longest()), wait.waiting()}, locale);
        }
        parameters.put("FIGURES", figuresText);
        for (String header : List.of("STEP", "COUNT", "MEDIAN", "P90", "STANDARD", "WITHIN", "ABANDONED")) {
            parameters.put("H_" + header, text("reports.daily.column." + header.toLowerCase(Locale.ROOT), locale));
        }
        parameters.put("FOOTER", text("reports.daily.footer", locale));
        List<Map<String, Object>> rows = steps.stream().map(row -> {
            Map<String, Object> cells = new HashMap<>();
            cells.put("step", row.step().sopRows() + ". " + text(row.step().labelKey(), locale));
            cells.put("count", row.count());
            cells.put("median", minutes(row.median()));
            cells.put("percentile90", minutes(row.percentile90()));
            cells.put("standard", minutes(row.standard()));
            cells.put("withinStandard", row.count() == 0 ? "–" : Math.round(row.withinStandard() * 100) + " %");
            cells.put("abandoned", row.abandoned());
            return cells;
        }).toList();
        return renderer.render(TEMPLATE, parameters, rows);
    }

    private static String minutes(@Nullable Duration duration) {
        return duration == null ? "–" : TableReport.minutes(duration);
    }

    private static long count(List<DaySteps.DayStep> steps, SopStep step) {
        return steps.stream().filter(s -> s.step() == step).mapToLong(DaySteps.DayStep::count).sum();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}

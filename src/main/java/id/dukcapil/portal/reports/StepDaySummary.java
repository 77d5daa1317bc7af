package id.dukcapil.portal.reports;

import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.pdf.PdfRenderer;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.ReportDimension;
import id.dukcapil.portal.sla.SlaStandards;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepReportQuery;
import id.dukcapil.portal.sla.StepReports;
import id.dukcapil.portal.sla.StepStandard;
import id.dukcapil.portal.sla.StepStatistics;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;

/**
 * A procedure's day at a point from its step clocks (reports/reports/kk-print-day.jrxml, a page of figures and a
 * table of steps): how many cases went through four telling steps that day, how many steps ran over, and each step's
 * times against the standards in force that day. SOP B's KK print day and SOP E's IKD day are two of them
 * ({@link DailySummarySources}).
 */
class StepDaySummary implements DailySummarySource {

    static final String TEMPLATE = "reports/kk-print-day";

    private final Procedure procedure;
    private final String titleKey;
    private final String figuresKey;
    private final List<SopStep> countedSteps;

    private final StepReports stepReports;
    private final SlaStandards standards;
    private final ServicePoints servicePoints;
    private final PdfRenderer renderer;
    private final MessageSource messages;

    /** @param countedSteps the four steps whose counts the figures line names, in its order */
    StepDaySummary(Procedure procedure, String titleKey, String figuresKey, List<SopStep> countedSteps,
                   StepReports stepReports, SlaStandards standards, ServicePoints servicePoints, PdfRenderer renderer,
                   MessageSource messages) {
        this.procedure = procedure;
        this.titleKey = titleKey;
        this.figuresKey = figuresKey;
        this.countedSteps = List.copyOf(countedSteps);
        this.stepReports = stepReports;
        this.standards = standards;
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
        List<StepStatistics> steps = stepReports.report(StepReportQuery.between(day, day, ReportDimension.STEP)
                .withProcedure(procedure).withServicePoint(point));
        Map<SopStep, Duration> standardOf = new EnumMap<>(SopStep.class);
        for (StepStandard standard : standards.inForceOn(day)) {
            if (standard.procedure() == procedure && standard.step() != null) {
                standardOf.put(standard.step(), standard.standard());
            }
        }
        List<Object> figures = new java.util.ArrayList<>();
        countedSteps.forEach(step -> figures.add(count(steps, step)));
        figures.add(steps.stream().mapToLong(s -> Math.round(s.count() * (1 - s.withinStandard()))).sum());
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("OFFICE", text("reports.daily.office", locale));
        parameters.put("TITLE", text(titleKey, locale));
        parameters.put("SUBTITLE", servicePoint.name() + " · "
                + DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(day));
        parameters.put("FIGURES", messages.getMessage(figuresKey, figures.toArray(), locale));
        for (String header : List.of("STEP", "COUNT", "MEDIAN", "P90", "STANDARD", "WITHIN")) {
            parameters.put("H_" + header, text("reports.daily.column." + header.toLowerCase(Locale.ROOT), locale));
        }
        parameters.put("FOOTER", text("reports.daily.footer", locale));
        List<Map<String, Object>> rows = steps.stream().map(row -> {
            SopStep step = Objects.requireNonNull(row.step());
            Map<String, Object> cells = new HashMap<>();
            cells.put("step", step.sopRows() + ". " + text(step.labelKey(), locale));
            cells.put("count", row.count());
            cells.put("median", minutes(row.median()));
            cells.put("percentile90", minutes(row.percentile90()));
            cells.put("standard", standardOf.containsKey(step) ? minutes(standardOf.get(step)) : "–");
            cells.put("withinStandard", Math.round(row.withinStandard() * 100) + " %");
            return cells;
        }).toList();
        return renderer.render(TEMPLATE, parameters, rows);
    }

    private static long count(List<StepStatistics> steps, SopStep step) {
        return steps.stream().filter(s -> s.step() == step).mapToLong(StepStatistics::count).sum();
    }

    private static String minutes(Duration duration) {
        return "%d:%02d".formatted(duration.toMinutes(), duration.toSecondsPart());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}

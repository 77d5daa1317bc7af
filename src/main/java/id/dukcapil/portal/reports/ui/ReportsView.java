package id.dukcapil.portal.reports.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.dukcapil.portal.reports.Breakdown;
import id.dukcapil.portal.reports.DailySummaries;
import id.dukcapil.portal.reports.Dashboard;
import id.dukcapil.portal.reports.PerformanceReports;
import id.dukcapil.portal.reports.ReportFigure;
import id.dukcapil.portal.reports.ReportFilter;
import id.dukcapil.portal.reports.ReportWorkbook;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.FilterBar;
import id.dukcapil.portal.shared.ui.FitText;
import id.dukcapil.portal.shared.ui.MainLayout;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.StepLog;
import id.dukcapil.portal.sla.StepLogFilter;
import id.dukcapil.portal.staff.ServicePoints;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * MANAGER, HEAD (and ADMIN): a period's figures per step (the worst first), service point, officer, day and week
 * ({@link BreakdownGrids}), with charts; a figure's row opens the cases behind it; the period's Excel workbook is made
 * in the background ({@link WorkbookExport}); any day's summary of a point opens as a PDF ({@link DailySummaryLink}).
 * The screen itself holds the filter and shows the figures it chooses.
 */
@Route(value = "reports", layout = MainLayout.class)
@RolesAllowed({Roles.MANAGER, Roles.HEAD, Roles.ADMIN})
@Menu(title = "nav.reports", order = 61, icon = "vaadin:chart")
class ReportsView extends VerticalLayout implements HasDynamicTitle {

    final DatePicker from = VaadinTexts.localized(new DatePicker());
    final DatePicker to = VaadinTexts.localized(new DatePicker());
    final ComboBox<Procedure> procedure = new ComboBox<>();
    final ComboBox<String> servicePoint = new ComboBox<>();
    final Button show = new Button();
    final Span total = new Span();
    final Div charts = new Div();
    final BreakdownGrids tabs;
    final WorkbookExport export;
    final DailySummaryLink daily;

    private final PerformanceReports reports;
    private final StepLog stepLog;
    private final Clock clock;
    private final FigureTexts texts;
    private @Nullable Dashboard dashboard;

    ReportsView(PerformanceReports reports, ReportWorkbook workbook,
                @Qualifier("applicationTaskExecutor") Executor executor, StepLog stepLog, DailySummaries daily,
                ServicePoints servicePoints, Clock clock) {
        this.reports = reports;
        this.stepLog = stepLog;
        this.clock = clock;
        Map<String, String> pointNames = new HashMap<>();
        servicePoints.active().forEach(point -> pointNames.put(point.code(), point.name()));
        this.texts = new FigureTexts(this::getLocale, pointNames);
        setSizeFull();
        YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
        from.setId("reports-from");
        from.setLabel(getTranslation("reports.filter.from"));
        from.setValue(lastMonth.atDay(1));
        to.setId("reports-to");
        to.setLabel(getTranslation("reports.filter.to"));
        to.setValue(lastMonth.atEndOfMonth());
        procedure.setId("reports-procedure");
        procedure.setPlaceholder(getTranslation("reports.filter.procedure"));
        procedure.setItems(Procedure.values());
        procedure.setItemLabelGenerator(value -> getTranslation(value.labelKey()));
        procedure.setClearButtonVisible(true);
        FitText.toItems(procedure);
        servicePoint.setId("reports-service-point");
        servicePoint.setPlaceholder(getTranslation("reports.filter.service-point"));
        servicePoint.setClearButtonVisible(true);
        servicePoint.setItemLabelGenerator(texts::pointName);
        servicePoint.setItems(List.of()); // filled by the first figures; wide enough for "all points" until then
        FitText.toItems(servicePoint);
        show.setId("reports-show");
        show.setText(getTranslation("reports.filter.show"));
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        show.addClickListener(click -> refresh());
        procedure.addValueChangeListener(change -> refresh());
        servicePoint.addValueChangeListener(change -> refresh());
        export = new WorkbookExport(workbook, executor, this::filter, this::getLocale, texts);
        total.setId("reports-total");
        charts.setId("reports-charts");
        charts.addClassName("report-charts");
        charts.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        tabs = new BreakdownGrids(texts, this::openCases);
        this.daily = new DailySummaryLink(daily, servicePoints.active(), LocalDate.now(clock));
        FilterBar filters = new FilterBar(from, to, procedure, servicePoint, show);
        filters.add(export.parts());
        add(new H3(getTranslation("reports.title")), filters, total, tabs, charts,
                new H3(getTranslation("reports.daily.title")), this.daily);
        refresh();
    }

    void refresh() {
        ReportFilter filter = filter();
        if (filter == null) {
            return;
        }
        try {
            dashboard = reports.dashboard(filter);
        } catch (RuleViolation violation) {
            Notifications.error(violation);
            return;
        }
        if (servicePoint.getValue() == null) {
            // The points with steps in the period, as the unfiltered figures name them.
            List<String> points = dashboard.perServicePoint().stream().map(ReportFigure::servicePoint)
                    .filter(Objects::nonNull).toList();
            if (!points.equals(servicePoint.getListDataView().getItems().toList())) {
                servicePoint.setItems(points);
                FitText.toItems(servicePoint);
            }
        }
        tabs.show(dashboard);
        ReportFigure all = dashboard.total();
        total.setText(all.count() == 0 ? getTranslation("reports.empty")
                : getTranslation("reports.total", texts.number(all.count()), texts.percent(all.share()),
                        texts.number(all.breaches()), texts.number(all.excused())));
        charts.removeAll();
        ReportCharts svg = new ReportCharts(this::getTranslation, getLocale());
        if (all.count() > 0) {
            charts.add(chart("reports-chart-share", svg.shareOverTime(dashboard.perDay())),
                    chart("reports-chart-duration", svg.durationPerStep(dashboard.perStep())),
                    chart("reports-chart-load", svg.loadPerPoint(dashboard.perServicePoint(), texts::pointName)));
            // The duration chart's axis says "B7": its key, in words, beside the charts.
            Paragraph key = new Paragraph(getTranslation("reports.chart.key", dashboard.perStep().stream()
                    .map(ReportFigure::step).distinct().sorted()
                    .map(step -> ReportCharts.stepCode(step) + " = " + getTranslation(step.labelKey()))
                    .collect(Collectors.joining("; "))));
            key.setId("reports-chart-key");
            key.setWidthFull();
            charts.add(key);
        }
    }

    private static Image chart(String id, ReportCharts.Chart chart) {
        Image image = new Image(chart.dataUri(), chart.title());
        image.setId(id);
        image.setWidth(ReportCharts.WIDTH + "px");
        image.getStyle().set("max-width", "100%");
        return image;
    }

    @Nullable ReportFilter filter() {
        if (from.getValue() == null || to.getValue() == null) {
            return null;
        }
        return ReportFilter.between(from.getValue(), to.getValue()).withProcedure(procedure.getValue())
                .withServicePoint(servicePoint.getValue());
    }

    /** The cases behind a figure: the dashboard's filter narrowed to the figure's group. */
    void openCases(Breakdown by, ReportFigure figure) {
        ReportFilter filter = dashboard == null ? filter() : dashboard.filter();
        if (filter == null) {
            return;
        }
        var steps = filter.steps();
        String title;
        switch (by) {
            case STEP -> {
                steps = steps.withStep(figure.step());
                title = getTranslation(figure.step().labelKey());
            }
            case SERVICE_POINT -> {
                steps = steps.withServicePoint(figure.servicePoint());
                title = texts.pointName(figure.servicePoint());
            }
            case OFFICER -> {
                steps = steps.withOfficer(figure.officer());
                title = FigureTexts.orDash(figure.officer());
            }
            case DAY -> {
                steps = new StepLogFilter(figure.period(), figure.period(), steps.procedure(), null,
                        steps.servicePoint(), null, false);
                title = FigureTexts.DAY.format(figure.period()); // the screen's one date format, not ISO
            }
            default -> {
                LocalDate monday = figure.period();
                LocalDate sunday = monday.plusDays(6);
                steps = new StepLogFilter(monday.isBefore(filter.from()) ? filter.from() : monday,
                        sunday.isAfter(filter.to()) ? filter.to() : sunday, steps.procedure(), null,
                        steps.servicePoint(), null, false);
                title = FigureTexts.DAY.format(monday);
            }
        }
        new CasesDialog(getTranslation("reports.cases.title", title), steps, stepLog, clock.getZone(), texts::pointName)
                .open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.reports") + " · Dukcapil Portal";
    }
}

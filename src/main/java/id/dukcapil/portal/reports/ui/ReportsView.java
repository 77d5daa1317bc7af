package id.dukcapil.portal.reports.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.dukcapil.portal.reports.Breakdown;
import id.dukcapil.portal.reports.DailySummaries;
import id.dukcapil.portal.reports.Dashboard;
import id.dukcapil.portal.reports.PerformanceReports;
import id.dukcapil.portal.reports.ReportFigure;
import id.dukcapil.portal.reports.ReportFilter;
import id.dukcapil.portal.reports.ReportWorkbook;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.Downloads;
import id.dukcapil.portal.shared.ui.FilterBar;
import id.dukcapil.portal.shared.ui.FitText;
import id.dukcapil.portal.shared.ui.MainLayout;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.OpensDialog;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.StepLog;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import id.dukcapil.portal.shared.Acting;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * MANAGER, HEAD (and ADMIN): a period's figures per step (the worst first), service point, officer, day and week,
 * with charts; a figure's row opens the cases behind it; the period's Excel workbook is made in the background
 * with a progress bar, then downloaded.
 */
@Route(value = "reports", layout = MainLayout.class)
@RolesAllowed({Roles.MANAGER, Roles.HEAD, Roles.ADMIN})
@Menu(title = "nav.reports", order = 61, icon = "vaadin:chart")
class ReportsView extends VerticalLayout implements HasDynamicTitle {

    /** The UI's one date format (issue 18): the day, or the Monday of the week. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern(VaadinTexts.DATE_FORMAT);

    final DatePicker from = VaadinTexts.localized(new DatePicker());
    final DatePicker to = VaadinTexts.localized(new DatePicker());
    final ComboBox<Procedure> procedure = new ComboBox<>();
    final ComboBox<String> servicePoint = new ComboBox<>();
    final Button show = new Button();
    final Span total = new Span();
    final Map<Breakdown, Grid<ReportFigure>> grids = new EnumMap<>(Breakdown.class);
    final Div charts = new Div();
    final TabSheet tabs = new TabSheet();
    final Button export = new Button();
    final ProgressBar progress = new ProgressBar(0, 1);
    final Div download = new Div();
    final ComboBox<Procedure> dailyProcedure = new ComboBox<>();
    final ComboBox<ServicePoint> dailyPoint = new ComboBox<>();
    final DatePicker dailyDay = VaadinTexts.localized(new DatePicker());
    final Anchor dailyOpen = new Anchor();

    private final PerformanceReports reports;
    private final ReportWorkbook workbook;
    private final Executor executor;
    private final StepLog stepLog;
    private final Clock clock;
    private @Nullable Dashboard dashboard;
    /** The points' names by code: figures and steps carry codes, the reader reads names (issue 36). */
    private final Map<String, String> pointNames = new java.util.HashMap<>();

    ReportsView(PerformanceReports reports, ReportWorkbook workbook,
                @Qualifier("applicationTaskExecutor") Executor executor, StepLog stepLog, DailySummaries daily,
                ServicePoints servicePoints, Clock clock) {
        this.reports = reports;
        this.stepLog = stepLog;
        this.clock = clock;
        this.workbook = workbook;
        this.executor = executor;
        servicePoints.active().forEach(point -> pointNames.put(point.code(), point.name()));
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
        servicePoint.setItemLabelGenerator(this::pointName);
        servicePoint.setItems(List.of()); // filled by the first figures; wide enough for "all points" until then
        FitText.toItems(servicePoint);
        show.setId("reports-show");
        show.setText(getTranslation("reports.filter.show"));
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        show.addClickListener(click -> refresh());
        procedure.addValueChangeListener(change -> refresh());
        servicePoint.addValueChangeListener(change -> refresh());
        export.setId("reports-export");
        export.setText(getTranslation("reports.export"));
        export.setIcon(VaadinIcon.DOWNLOAD.create());
        export.addClickListener(click -> startExport());
        progress.setId("reports-progress");
        progress.setVisible(false);
        progress.setWidth("12em");
        download.setId("reports-download");
        total.setId("reports-total");
        charts.setId("reports-charts");
        charts.addClassName("report-charts");
        charts.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");

        tabs.setId("reports-breakdowns");
        for (Breakdown by : Breakdown.values()) {
            Grid<ReportFigure> grid = figureGrid(by);
            grids.put(by, grid);
            tabs.add(getTranslation(by.labelKey()), grid);
        }
        tabs.setWidthFull();
        tabs.setHeight("28em");
        dailyProcedure.setId("reports-daily-procedure");
        dailyProcedure.setLabel(getTranslation("reports.daily.procedure"));
        dailyProcedure.setItems(daily.procedures());
        dailyProcedure.setItemLabelGenerator(value -> getTranslation(value.labelKey()));
        FitText.toItems(dailyProcedure);
        dailyPoint.setId("reports-daily-point");
        dailyPoint.setLabel(getTranslation("reports.daily.service-point"));
        dailyPoint.setItems(servicePoints.active());
        dailyPoint.setItemLabelGenerator(ServicePoint::name);
        FitText.toItems(dailyPoint);
        dailyDay.setId("reports-daily-day");
        dailyDay.setLabel(getTranslation("reports.daily.day"));
        dailyDay.setValue(LocalDate.now(clock));
        dailyOpen.setId("reports-daily-open");
        dailyOpen.setText(getTranslation("reports.daily.open"));
        dailyOpen.setTarget(AnchorTarget.BLANK);
        dailyOpen.setEnabled(false);
        dailyProcedure.addValueChangeListener(change -> dailyLink(daily));
        dailyPoint.addValueChangeListener(change -> dailyLink(daily));
        dailyDay.addValueChangeListener(change -> dailyLink(daily));
        add(new H3(getTranslation("reports.title")),
                new FilterBar(from, to, procedure, servicePoint, show, export, progress, download), total, tabs, charts,
                new H3(getTranslation("reports.daily.title")),
                new FilterBar(dailyProcedure, dailyPoint, dailyDay, dailyOpen));
        refresh();
    }

    private Grid<ReportFigure> figureGrid(Breakdown by) {
        Grid<ReportFigure> grid = new Grid<>();
        grid.setId("reports-per-" + by.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        switch (by) {
            case STEP -> {
                grid.addColumn(f -> getTranslation(f.procedure().labelKey()))
                        .setHeader(getTranslation("reports.column.procedure")).setFlexGrow(1);
                grid.addColumn(f -> f.step().sopRows() + ". " + getTranslation(f.step().labelKey()))
                        .setHeader(getTranslation("reports.column.step")).setFlexGrow(3);
            }
            case SERVICE_POINT -> grid.addColumn(f -> pointName(f.servicePoint()))
                    .setHeader(getTranslation("reports.column.service-point")).setFlexGrow(2);
            case OFFICER -> grid.addColumn(f -> orDash(f.officer()))
                    .setHeader(getTranslation("reports.column.officer")).setFlexGrow(2);
            case DAY -> grid.addColumn(f -> DAY.format(f.period()))
                    .setHeader(getTranslation("reports.column.day")).setFlexGrow(2);
            case WEEK -> grid.addColumn(f -> DAY.format(f.period()))
                    .setHeader(getTranslation("reports.column.week")).setFlexGrow(2);
        }
        grid.addColumn(f -> number(f.count())).setHeader(getTranslation("reports.column.count")).setAutoWidth(true);
        grid.addColumn(f -> duration(f.median())).setHeader(getTranslation("reports.column.median")).setAutoWidth(true);
        grid.addColumn(f -> duration(f.percentile90())).setHeader(getTranslation("reports.column.p90")).setAutoWidth(true);
        grid.addColumn(f -> percent(f.share())).setHeader(getTranslation("reports.column.within")).setAutoWidth(true);
        grid.addColumn(f -> number(f.breaches())).setHeader(getTranslation("reports.column.breaches")).setAutoWidth(true);
        grid.addColumn(f -> number(f.excused())).setHeader(getTranslation("reports.column.excused")).setAutoWidth(true);
        // Long step names wrap rather than end in "…"; the grid keeps its rows in sight above the charts.
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addItemClickListener(click -> openCases(by, click.getItem()));
        OpensDialog.rowsOf(grid);
        grid.setWidthFull();
        grid.setHeight("24em");
        return grid;
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
                    .filter(java.util.Objects::nonNull).toList();
            if (!points.equals(servicePoint.getListDataView().getItems().toList())) {
                servicePoint.setItems(points);
                FitText.toItems(servicePoint);
            }
        }
        grids.get(Breakdown.STEP).setItems(dashboard.perStep());
        grids.get(Breakdown.SERVICE_POINT).setItems(dashboard.perServicePoint());
        grids.get(Breakdown.OFFICER).setItems(dashboard.perOfficer());
        grids.get(Breakdown.DAY).setItems(dashboard.perDay());
        grids.get(Breakdown.WEEK).setItems(dashboard.perWeek());
        ReportFigure all = dashboard.total();
        total.setText(all.count() == 0 ? getTranslation("reports.empty")
                : getTranslation("reports.total", number(all.count()), percent(all.share()), number(all.breaches()),
                        number(all.excused())));
        charts.removeAll();
        ReportCharts svg = new ReportCharts(this::getTranslation, getLocale());
        if (all.count() > 0) {
            charts.add(chart("reports-chart-share", svg.shareOverTime(dashboard.perDay())),
                    chart("reports-chart-duration", svg.durationPerStep(dashboard.perStep())),
                    chart("reports-chart-load", svg.loadPerPoint(dashboard.perServicePoint(), this::pointName)));
            // The duration chart's axis says "B7": its key, in words, beside the charts.
            Paragraph key = new Paragraph(getTranslation("reports.chart.key", dashboard.perStep().stream()
                    .map(ReportFigure::step).distinct().sorted()
                    .map(step -> ReportCharts.stepCode(step) + " = " + getTranslation(step.labelKey()))
                    .collect(java.util.stream.Collectors.joining("; "))));
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
                title = pointName(figure.servicePoint());
            }
            case OFFICER -> {
                steps = steps.withOfficer(figure.officer());
                title = orDash(figure.officer());
            }
            case DAY -> {
                steps = new id.dukcapil.portal.sla.StepLogFilter(figure.period(), figure.period(), steps.procedure(),
                        null, steps.servicePoint(), null, false);
                title = DAY.format(figure.period()); // the screen's one date format, not ISO
            }
            default -> {
                LocalDate monday = figure.period();
                LocalDate sunday = monday.plusDays(6);
                steps = new id.dukcapil.portal.sla.StepLogFilter(monday.isBefore(filter.from()) ? filter.from() : monday,
                        sunday.isAfter(filter.to()) ? filter.to() : sunday, steps.procedure(), null,
                        steps.servicePoint(), null, false);
                title = DAY.format(monday);
            }
        }
        new CasesDialog(getTranslation("reports.cases.title", title), steps, stepLog, clock.getZone(), this::pointName)
                .open();
    }

    /** Any day's summary of any point, for the procedures that have one: rendered when the link is opened. */
    private void dailyLink(DailySummaries daily) {
        Procedure chosen = dailyProcedure.getValue();
        ServicePoint point = dailyPoint.getValue();
        LocalDate day = dailyDay.getValue();
        dailyOpen.setEnabled(chosen != null && point != null && day != null);
        if (chosen == null || point == null || day == null) {
            dailyOpen.removeHref();
            return;
        }
        var locale = getLocale();
        dailyOpen.setHref(Downloads.named(DailySummaries.fileName(chosen, point.code(), day), "application/pdf",
                () -> daily.pdf(chosen, point.code(), day, locale)).inline());
    }

    /** Makes the workbook in the background, into a temporary file, while the progress bar moves. */
    void startExport() {
        ReportFilter filter = filter();
        if (filter == null) {
            return;
        }
        UI ui = UI.getCurrent();
        var locale = getLocale();
        export.setEnabled(false);
        progress.setValue(0);
        progress.setVisible(true);
        download.removeAll();
        ui.setPollInterval(500);
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        executor.execute(() -> Acting.as(user, () -> {
            try {
                Path file = Files.createTempFile("laporan-", ".xlsx");
                file.toFile().deleteOnExit();
                long steps;
                try (OutputStream out = Files.newOutputStream(file)) {
                    steps = workbook.write(filter, locale, out, done -> ui.access(() -> progress.setValue(done)));
                }
                ui.access(() -> exportReady(filter, file, steps));
            } catch (IOException | RuntimeException e) {
                ui.access(() -> {
                    exportDone();
                    Notifications.error(getTranslation("reports.export.failed"));
                });
            }
            return null;
        }));
    }

    private void exportReady(ReportFilter filter, Path file, long steps) {
        exportDone();
        String name = workbook.fileName(filter);
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            try {
                return new DownloadResponse(Files.newInputStream(file), name, ReportWorkbook.CONTENT_TYPE,
                        Files.size(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Downloads.safe(name));
        Anchor link = new Anchor(handler, getTranslation("reports.export.download", name));
        link.getElement().setAttribute("download", true);
        link.setId("reports-download-link");
        download.add(link);
        // One click: the Excel button's click saves the workbook once it is made; the link stays to save it again.
        link.getElement().executeJs("this.click()");
        Notifications.success(getTranslation("reports.export.ready", number(steps)));
    }

    private void exportDone() {
        progress.setVisible(false);
        export.setEnabled(true);
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }

    private String number(long value) {
        return NumberFormat.getIntegerInstance(getLocale()).format(value);
    }

    private String percent(double share) {
        NumberFormat format = NumberFormat.getPercentInstance(getLocale());
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }

    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600 ? "%d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60)
                : "%d:%02d".formatted(seconds / 60, seconds % 60);
    }

    private String pointName(@Nullable String code) {
        return code == null ? "–" : pointNames.getOrDefault(code, code);
    }

    private static String orDash(@Nullable String value) {
        return value == null ? "–" : value;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.reports") + " · Dukcapil Portal";
    }
}

package id.dukcapil.portal.reports.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.tabs.TabSheet;
import id.dukcapil.portal.reports.Breakdown;
import id.dukcapil.portal.reports.Dashboard;
import id.dukcapil.portal.reports.ReportFigure;
import id.dukcapil.portal.shared.NaturalOrder;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import id.dukcapil.portal.shared.ui.OpensDialog;

/**
 * A period's figures in one tab per breakdown (step, service point, officer, day, week), a grid each with the same
 * figures; a row opens the cases behind it. Every column sorts by what it shows (a click on its header): names as
 * they are read ({@link NaturalOrder}), figures as numbers and durations, not as their texts.
 */
class BreakdownGrids extends TabSheet {

    final Map<Breakdown, Grid<ReportFigure>> grids = new EnumMap<>(Breakdown.class);
    private final FigureTexts texts;

    /** @param openCases opens the cases behind a figure of a breakdown */
    BreakdownGrids(FigureTexts texts, BiConsumer<Breakdown, ReportFigure> openCases) {
        this.texts = texts;
        setId("reports-breakdowns");
        for (Breakdown by : Breakdown.values()) {
            Grid<ReportFigure> grid = figureGrid(by, openCases);
            grids.put(by, grid);
            add(getTranslation(by.labelKey()), grid);
        }
        setWidthFull();
        setHeight("28em");
    }

    void show(Dashboard dashboard) {
        grids.get(Breakdown.STEP).setItems(dashboard.perStep());
        grids.get(Breakdown.SERVICE_POINT).setItems(dashboard.perServicePoint());
        grids.get(Breakdown.OFFICER).setItems(dashboard.perOfficer());
        grids.get(Breakdown.DAY).setItems(dashboard.perDay());
        grids.get(Breakdown.WEEK).setItems(dashboard.perWeek());
    }

    private Grid<ReportFigure> figureGrid(Breakdown by, BiConsumer<Breakdown, ReportFigure> openCases) {
        Grid<ReportFigure> grid = new Grid<>();
        grid.setId("reports-per-" + by.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        switch (by) {
            case STEP -> {
                grid.addColumn(f -> getTranslation(f.procedure().labelKey()))
                        .setComparator(f -> f.procedure().ordinal())
                        .setHeader(getTranslation("reports.column.procedure")).setFlexGrow(1);
                grid.addColumn(f -> f.step().sopRows() + ". " + getTranslation(f.step().labelKey()))
                        .setComparator(f -> f.step().ordinal())
                        .setHeader(getTranslation("reports.column.step")).setFlexGrow(3);
            }
            case SERVICE_POINT -> grid.addColumn(f -> texts.pointName(f.servicePoint()))
                    .setComparator(Comparator.comparing(f -> texts.pointName(f.servicePoint()), NaturalOrder.TEXT))
                    .setHeader(getTranslation("reports.column.service-point")).setFlexGrow(2);
            case OFFICER -> grid.addColumn(f -> FigureTexts.orDash(f.officer()))
                    .setComparator(Comparator.comparing(f -> FigureTexts.orDash(f.officer()), NaturalOrder.TEXT))
                    .setHeader(getTranslation("reports.column.officer")).setFlexGrow(2);
            case DAY -> grid.addColumn(f -> FigureTexts.DAY.format(f.period())).setComparator(ReportFigure::period)
                    .setHeader(getTranslation("reports.column.day")).setFlexGrow(2);
            case WEEK -> grid.addColumn(f -> FigureTexts.DAY.format(f.period())).setComparator(ReportFigure::period)
                    .setHeader(getTranslation("reports.column.week")).setFlexGrow(2);
        }
        grid.addColumn(f -> texts.number(f.count())).setComparator(ReportFigure::count).setHeader(getTranslation("reports.column.count")).setAutoWidth(true);
        grid.addColumn(f -> FigureTexts.duration(f.median())).setComparator(ReportFigure::median).setHeader(getTranslation("reports.column.median"))
                .setAutoWidth(true);
        grid.addColumn(f -> FigureTexts.duration(f.percentile90())).setComparator(ReportFigure::percentile90)
                .setHeader(getTranslation("reports.column.p90"))
                .setAutoWidth(true);
        grid.addColumn(f -> texts.percent(f.share())).setComparator(ReportFigure::share).setHeader(getTranslation("reports.column.within"))
                .setAutoWidth(true);
        grid.addColumn(f -> texts.number(f.breaches())).setComparator(ReportFigure::breaches).setHeader(getTranslation("reports.column.breaches"))
                .setAutoWidth(true);
        grid.addColumn(f -> texts.number(f.excused())).setComparator(ReportFigure::excused).setHeader(getTranslation("reports.column.excused"))
                .setAutoWidth(true);
        // Long step names wrap rather than end in "…"; the grid keeps its rows in sight above the charts.
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addItemClickListener(click -> openCases.accept(by, click.getItem()));
        OpensDialog.rowsOf(grid);
        grid.setWidthFull();
        grid.setHeight("24em");
        return grid;
    }
}

package id.dukcapil.portal.reports.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import id.dukcapil.portal.sla.EndedStep;
import id.dukcapil.portal.sla.StepLog;
import id.dukcapil.portal.sla.StepLogFilter;
import java.time.Duration;
import java.time.ZoneId;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** The cases behind a figure, longest first, paged lazily; optionally only those over their standard. */
class CasesDialog extends Dialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(VaadinTexts.DATE_FORMAT + " HH:mm:ss");
    private final StepLog stepLog;

    final Grid<EndedStep> grid = new Grid<>();
    final Checkbox overOnly = new Checkbox();
    private StepLogFilter filter;

    CasesDialog(String title, StepLogFilter filter, StepLog stepLog, ZoneId zone,
                java.util.function.Function<@Nullable String, String> pointName) {
        super(title);
        this.filter = filter;
        this.stepLog = stepLog;
        setId("reports-cases");
        grid.setId("reports-cases-grid");
        overOnly.setId("reports-cases-over-only");
        overOnly.setLabel(getTranslation("reports.cases.over-only"));
        grid.addColumn(step -> step.caseRef().caseId()).setHeader(getTranslation("reports.column.case"))
                .setAutoWidth(true).setSortProperty("case");
        grid.addColumn(step -> getTranslation(step.step().labelKey()))
                .setHeader(getTranslation("reports.column.step")).setFlexGrow(2);
        grid.addColumn(step -> TIME.format(step.startedAt().atZone(zone)))
                .setHeader(getTranslation("reports.column.started")).setAutoWidth(true).setSortProperty("started");
        grid.addColumn(step -> pointName.apply(step.servicePoint()))
                .setHeader(getTranslation("reports.column.service-point")).setAutoWidth(true);
        grid.addColumn(step -> step.officer() == null ? "–" : step.officer())
                .setHeader(getTranslation("reports.column.officer")).setAutoWidth(true).setSortProperty("officer");
        grid.addColumn(step -> FigureTexts.duration(Duration.ofMillis(step.durationMs())) + " / "
                        + FigureTexts.duration(step.standard()))
                .setHeader(getTranslation("reports.column.duration") + " / "
                        + getTranslation("reports.column.standard")).setAutoWidth(true).setSortProperty("duration");
        grid.addColumn(step -> step.excused() ? step.excusedReason() : "")
                .setHeader(getTranslation("reports.column.excused-reason")).setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItemsPageable(page -> stepLog.page(this.filter, page).getContent());
        grid.setWidth("64em");
        grid.setHeight("30em");
        overOnly.addValueChangeListener(change -> {
            this.filter = this.filter.withOverStandardOnly(change.getValue());
            grid.getDataProvider().refreshAll();
        });
        add(overOnly, grid);
        getFooter().add(new Button(getTranslation("reports.cases.close"), click -> close()));
    }

}

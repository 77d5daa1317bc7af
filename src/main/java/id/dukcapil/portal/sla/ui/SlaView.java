package id.dukcapil.portal.sla.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.FitText;
import id.dukcapil.portal.shared.ui.Durations;
import id.dukcapil.portal.shared.ui.ListedRows;
import id.dukcapil.portal.shared.ui.RowActions;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import id.dukcapil.portal.sla.OverdueStep;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SlaMonitor;
import id.dukcapil.portal.sla.SlaStandards;
import id.dukcapil.portal.sla.StepStandard;
import id.dukcapil.portal.staff.ServicePoints;
import id.dukcapil.portal.staff.StaffNames;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * MANAGER: the steps now over their standard, across all SOPs, refreshed every 15 seconds; and the standard
 * times in force (ADMIN changes one from a day on).
 */
@Route("sla")
@RolesAllowed({Roles.MANAGER, Roles.ADMIN, Roles.HEAD})
@Menu(title = "nav.sla", order = 60, icon = "vaadin:timer")
class SlaView extends VerticalLayout implements HasDynamicTitle {

    static final int REFRESH_MILLIS = 15_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    final ComboBox<Procedure> procedure = new ComboBox<>();
    final Grid<OverdueStep> overdue = new Grid<>();
    final Grid<StepStandard> standards = new Grid<>();
    /** Each row keeps its data key while listed: what a click on its button names (decision 163). */
    private final ListedRows<StepStandard> standardRows = ListedRows.of(standards, SlaView::standardId);
    final Button refresh = new Button();
    final Span refreshedAt = new Span();
    final Div scheduledChanges = new Div();
    private final SlaStandards slaStandards;
    private final Clock clock;
    private final SlaWords words;
    private @Nullable Registration polling;
    /** The scheduled changes as last shown: an edit of one of their days replaces what the admin saw. */
    private List<StepStandard> scheduled = List.of();

    private final CurrentRoles roles;

    SlaView(SlaMonitor monitor, SlaStandards slaStandards, StaffNames staffNames, ServicePoints servicePoints,
            Clock clock, CurrentRoles roles) {
        this.roles = roles;
        this.slaStandards = slaStandards;
        this.clock = clock;
        this.words = new SlaWords(staffNames, servicePoints, this::getTranslation);
        setSizeFull();
        procedure.setId("sla-procedure");
        overdue.setId("sla-overdue");
        standards.setId("sla-standards");

        procedure.setPlaceholder(getTranslation("sla.filter.procedure"));
        procedure.setItems(Procedure.values());
        procedure.setItemLabelGenerator(value -> getTranslation(value.labelKey()));
        procedure.setClearButtonVisible(true);
        FitText.toItems(procedure);
        procedure.addValueChangeListener(change -> refreshOverdue());
        refresh.setText(getTranslation("sla.refresh"));
        refresh.setIcon(VaadinIcon.REFRESH.create());
        refresh.addClickListener(click -> refreshOverdue());
        refreshedAt.addClassName("hint");

        // Names (procedure, step, officer, point) share the width and wrap; the times and figures keep theirs: the
        // last column stays in sight at a laptop's width, however long the names of the day's rows.
        overdue.addColumn(row -> getTranslation(row.step().caseRef().procedure().labelKey()))
                .setHeader(getTranslation("sla.column.procedure")).setFlexGrow(1);
        overdue.addColumn(row -> row.step().caseRef().caseId()).setHeader(getTranslation("sla.column.case"))
                .setAutoWidth(true).setSortProperty("case");
        overdue.addColumn(row -> getTranslation(row.step().step().labelKey()))
                .setHeader(getTranslation("sla.column.step")).setFlexGrow(2);
        overdue.addColumn(row -> TIME.format(row.step().startedAt().atZone(clock.getZone())))
                .setHeader(getTranslation("sla.column.started")).setAutoWidth(true).setSortProperty("started");
        overdue.addColumn(row -> words.actor(row.holder())).setHeader(getTranslation("sla.column.by"))
                .setFlexGrow(1);
        overdue.addColumn(row -> words.servicePoint(row.step().servicePoint()))
                .setHeader(getTranslation("sla.column.service-point")).setFlexGrow(1);
        overdue.addColumn(row -> minutes(row.elapsed()) + " / " + minutes(row.step().standard()))
                .setHeader(getTranslation("sla.column.elapsed-of-standard")).setAutoWidth(true)
                .setSortProperty("elapsed");
        overdue.addColumn(row -> "+" + minutes(row.over())).setHeader(getTranslation("sla.column.over"))
                .setAutoWidth(true).setSortProperty("over");
        overdue.addColumn(row -> minutes(row.caseElapsed())).setHeader(getTranslation("sla.column.case-elapsed"))
                .setAutoWidth(true).setSortProperty("caseElapsed");
        overdue.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        overdue.setItemsPageable(page -> {
            var rows = monitor.overdue(procedure.getValue(), page).getContent();
            words.learn(rows.stream().map(OverdueStep::holder).toList());
            return rows;
        });
        overdue.setSizeFull();

        standards.addColumn(row -> getTranslation(row.procedure().labelKey()))
                .setHeader(getTranslation("sla.column.procedure")).setAutoWidth(true);
        standards.addColumn(row -> row.step() == null ? getTranslation("sla.step.TOTAL")
                        : row.step().sopRows() + ". " + getTranslation(row.step().labelKey()))
                .setHeader(getTranslation("sla.column.step")).setFlexGrow(2);
        standards.addColumn(row -> minutes(row.standard())).setHeader(getTranslation("sla.column.standard"))
                .setAutoWidth(true);
        standards.addColumn(words::validFrom).setHeader(getTranslation("sla.column.valid-from"))
                .setAutoWidth(true);
        standards.addColumn(words::changedBy).setHeader(getTranslation("sla.column.changed-by")).setAutoWidth(true);
        if (roles.hasAny(Role.ADMIN)) {
            RowActions.<StepStandard>of(SlaView::standardId)
                    .dialogButton("standard-change-", getTranslation("sla.standard.change"), VaadinIcon.EDIT,
                            row -> true, row -> new StandardEditor(slaStandards, row, shownFor(row), clock,
                                    this::refreshStandards).open(),
                            ButtonVariant.LUMO_TERTIARY)
                    .addTo(standards);
        }
        standards.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        standards.setSizeFull();
        scheduledChanges.setId("sla-scheduled");
        refreshStandards();

        HorizontalLayout toolbar = new HorizontalLayout(procedure, refresh, refreshedAt);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H3(getTranslation("sla.overdue.title")), toolbar, overdue,
                new H3(getTranslation("sla.standards.title")), standards, scheduledChanges);
        refreshOverdue();
    }

    void refreshOverdue() {
        overdue.getDataProvider().refreshAll();
        refreshedAt.setText(getTranslation("sla.refreshed-at",
                DateTimeFormatter.ofPattern("HH:mm:ss").format(clock.instant().atZone(clock.getZone()))));
    }

    void refreshStandards() {
        standardRows.show(slaStandards.inForceToday());
        scheduledChanges.removeAll();
        scheduled = slaStandards.scheduled();
        if (!scheduled.isEmpty()) {
            scheduledChanges.add(new H4(getTranslation("sla.standards.scheduled")));
            for (StepStandard change : scheduled) {
                scheduledChanges.add(new Paragraph(getTranslation("sla.standards.scheduled-item",
                        getTranslation(change.procedure().labelKey()),
                        change.step() == null ? getTranslation("sla.step.TOTAL") : getTranslation(change.step().labelKey()),
                        minutes(change.standard()), DateTimeFormatter.ofPattern(VaadinTexts.DATE_FORMAT).format(change.validFrom()))));
            }
        }
    }

    /** Live: the server asks the browser to poll, and each poll refreshes the overdue list. */
    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(REFRESH_MILLIS);
        polling = event.getUI().addPollListener(poll -> refreshOverdue());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
        }
        event.getUI().setPollInterval(-1);
    }

    /** The row and the scheduled changes of its step, as shown. */
    private List<StepStandard> shownFor(StepStandard row) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(row), scheduled.stream()
                .filter(change -> change.procedure() == row.procedure() && change.step() == row.step())).toList();
    }

    /** A standard's step of its procedure, or the procedure's total: one row each. */
    private static String standardId(StepStandard standard) {
        return standard.procedure().name() + "-" + (standard.step() == null ? "TOTAL" : standard.step().name());
    }

    private String minutes(Duration duration) {
        return Durations.minutes(this, duration);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.sla") + " · Dukcapil Portal";
    }
}

package id.dukcapil.portal.schoolvisit.ui;

import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.dukcapil.portal.schoolvisit.OpenReconciliation;
import id.dukcapil.portal.schoolvisit.Reconciliations;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.DestructiveConfirm;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.RowActions;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The supervisor's reconciliation list (issue 53): the outposts' operations on students the Dinas changed meanwhile,
 * the oldest first, each with the outpost's version and the Dinas's now side by side in words, and its settling —
 * keep the Dinas's version (the operation dropped, with a reason) or apply the outpost's where the register still
 * allows it. Each settling asks first, the safe choice focused (decision 177), and a row settled by someone else
 * meanwhile is told, not settled twice.
 */
@Route("jadwal-sekolah/rekonsiliasi")
@RolesAllowed({Roles.PLANNER, Roles.ADMIN})
@Menu(title = "nav.schoolvisit.reconciliation", order = 65.5, icon = "vaadin:scale-unbalance")
class ReconciliationView extends VerticalLayout implements HasDynamicTitle {

    static final String KEEP = "reconcile-keep-";
    static final String APPLY = "reconcile-apply-";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(VaadinTexts.DATE_FORMAT + " HH:mm");

    final Grid<OpenReconciliation> rows = new Grid<>();
    @Nullable KeepDinasDialog keepDialog;
    private final Reconciliations reconciliations;
    private final Clock clock;

    ReconciliationView(Reconciliations reconciliations, Clock clock) {
        this.reconciliations = reconciliations;
        this.clock = clock;
        setSizeFull();
        rows.addColumn(row -> time(row.arrivedAt())).setHeader(getTranslation("schoolvisit.reconcile.arrived"))
                .setAutoWidth(true).setFlexGrow(0).setSortProperty("arrived");
        rows.addColumn(OpenReconciliation::studentName).setHeader(getTranslation("schoolvisit.column.name"))
                .setFlexGrow(2).setSortProperty("student");
        rows.addColumn(OpenReconciliation::schoolName).setHeader(getTranslation("schoolvisit.column.school"))
                .setFlexGrow(2).setSortProperty("school");
        // Each version a sentence of several values: not sorted (decision 194).
        rows.addColumn(this::outpostVersion).setHeader(getTranslation("schoolvisit.reconcile.outpost-version"))
                .setFlexGrow(3);
        rows.addColumn(this::dinasVersion).setHeader(getTranslation("schoolvisit.reconcile.dinas-version"))
                .setFlexGrow(3);
        RowActions.<OpenReconciliation>of(OpenReconciliation::id)
                .dialogButton(KEEP, getTranslation("schoolvisit.reconcile.keep"), VaadinIcon.OFFICE, row -> true,
                        this::askKeep)
                .dialogButton(APPLY, getTranslation("schoolvisit.reconcile.apply"), VaadinIcon.CAR,
                        OpenReconciliation::applicable, this::askApply, ButtonVariant.LUMO_PRIMARY)
                .note(row -> row.applicable() ? null : getTranslation("schoolvisit.reconcile.not-applicable"))
                .addTo(rows);
        rows.setItemsPageable(page -> reconciliations.open(page).getContent())
                .setIdentifierProvider(OpenReconciliation::id);
        rows.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        rows.setEmptyStateText(getTranslation("schoolvisit.reconcile.empty"));
        rows.setId("reconcile-grid");
        rows.setMinHeight("14rem");
        add(new H2(getTranslation("schoolvisit.reconcile.title")),
                new Paragraph(getTranslation("schoolvisit.reconcile.intro")), rows);
    }

    /** What the outpost did, by whom, when and on which outpost. */
    String outpostVersion(OpenReconciliation row) {
        String words = getTranslation("schoolvisit.reconcile.outpost-did", getTranslation(
                "schoolvisit.outpost.kind." + row.kind().name()), row.staffName(), time(row.happenedAt()), row.outpost());
        return row.cardSerial() == null ? words
                : words + " " + getTranslation("schoolvisit.reconcile.card", row.cardSerial());
    }

    /** The student as the Dinas has them now: the SOP D state, the register's enrolment status, its cards. */
    String dinasVersion(OpenReconciliation row) {
        String state = row.fieldStep() != null ? getTranslation(row.fieldStep().labelKey())
                : getTranslation(row.state().labelKey());
        String enrolment = row.enrolment() == null ? getTranslation("schoolvisit.reconcile.not-in-register")
                : getTranslation(row.enrolment().labelKey());
        String has = getTranslation("schoolvisit.reconcile.dinas-has", state, enrolment, row.cardsPrinted());
        return row.takenBack() ? getTranslation("schoolvisit.reconcile.taken-back") + " " + has : has;
    }

    void askKeep(OpenReconciliation row) {
        keepDialog = new KeepDinasDialog(row.studentName() + ": " + outpostVersion(row), reason -> {
            try {
                reconciliations.keepDinas(row.id(), row.version(), reason);
            } catch (RuleViolation refused) {
                // Settled by someone else meanwhile: the row goes from the list; the dialog keeps what was typed.
                rows.getDataProvider().refreshAll();
                throw refused;
            }
            settled("schoolvisit.reconcile.kept", row);
        });
        keepDialog.open();
    }

    void askApply(OpenReconciliation row) {
        DestructiveConfirm.ask(getTranslation("schoolvisit.reconcile.apply-title"),
                getTranslation("schoolvisit.reconcile.apply-text", row.studentName(), outpostVersion(row)),
                getTranslation("schoolvisit.action.cancel"), getTranslation("schoolvisit.reconcile.apply"), () -> {
                    try {
                        reconciliations.applyOutpost(row.id(), row.version());
                        settled("schoolvisit.reconcile.applied", row);
                    } catch (RuleViolation refused) {
                        Notifications.error(refused);
                        rows.getDataProvider().refreshAll(); // the row as it stands now, its actions with it
                    } catch (OptimisticLockingFailureException movedOn) {
                        // The team changed the student or the visit at the same moment (a card printed): nothing
                        // of this settling was kept; the row as it stands now says what is left to do.
                        Notifications.error(getTranslation("schoolvisit.error.reconciliation-moved-on"));
                        rows.getDataProvider().refreshAll();
                    }
                });
    }

    private void settled(String key, OpenReconciliation row) {
        Notifications.success(getTranslation(key, row.studentName()));
        rows.getDataProvider().refreshAll();
    }

    private String time(Instant at) {
        return TIME.format(at.atZone(clock.getZone()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("schoolvisit.reconcile.title");
    }
}

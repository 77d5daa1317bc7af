package id.dukcapil.portal.recording.ui;

import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.dukcapil.portal.recording.OutpostDaySupervision;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.ui.ListedRows;
import id.dukcapil.portal.shared.ui.LiveRefresh;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.ReasonDialog;
import id.dukcapil.portal.shared.ui.RowActions;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The supervisor's view of the recording points' days at outposts (issue 53, decision 200): which point's day is out,
 * where, taken by whom and since when, with "Tarik kembali" for a machine lost or broken; and every step an outpost
 * brought that the Dinas kept rather than applied, with what the outpost did and what the Dinas had.
 */
@Route("perekaman/pos-luring")
@RolesAllowed({Roles.PLANNER, Roles.ADMIN})
@Menu(title = "nav.recording.outposts", order = 64.5, icon = "vaadin:building")
class OutpostDaysView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    final Grid<OutpostDaySupervision.DayOut> out = new Grid<>();
    final Grid<OutpostDaySupervision.Conflict> conflicts = new Grid<>();
    private final ListedRows<OutpostDaySupervision.DayOut> outRows = ListedRows.of(out, OutpostDaySupervision.DayOut::checkoutId);
    private final OutpostDaySupervision days;
    private final ZoneId zone;

    OutpostDaysView(OutpostDaySupervision days, Clock clock) {
        this.days = days;
        this.zone = clock.getZone();
        setSizeFull();
        out.setId("outpost-days-out");
        out.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        out.addColumn(OutpostDaySupervision.DayOut::point).setHeader(getTranslation("recording.outposts.point"))
                .setAutoWidth(true);
        out.addColumn(day -> DAY.format(day.day())).setHeader(getTranslation("recording.outposts.day"))
                .setAutoWidth(true);
        out.addColumn(day -> getTranslation("recording.outposts.held", day.outpost(), day.checkedOutBy(),
                TIME.format(day.checkedOutAt().atZone(zone)))).setHeader(getTranslation("recording.outposts.where"))
                .setFlexGrow(1);
        RowActions.<OutpostDaySupervision.DayOut>of(OutpostDaySupervision.DayOut::checkoutId).dialogButton("take-back-",
                getTranslation("recording.outposts.take-back"), null, day -> true, this::takeBack,
                ButtonVariant.LUMO_ERROR).addTo(out);
        out.setAllRowsVisible(true);
        out.setEmptyStateText(getTranslation("recording.outposts.none-out"));
        conflicts.setId("outpost-days-conflicts");
        conflicts.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        conflicts.addColumn(kept -> kept.point() + " · " + DAY.format(kept.day()))
                .setHeader(getTranslation("recording.outposts.point")).setAutoWidth(true);
        conflicts.addColumn(kept -> getTranslation("recording.outposts.step." + kept.step()) + " · " + TIME.format(kept.happenedAt().atZone(zone)) + " · "
                + kept.staff()).setHeader(getTranslation("recording.outposts.step")).setAutoWidth(true);
        conflicts.addColumn(OutpostDaySupervision.Conflict::outpostVersion)
                .setHeader(getTranslation("recording.outposts.outpost-version")).setFlexGrow(1);
        conflicts.addColumn(OutpostDaySupervision.Conflict::dinasVersion)
                .setHeader(getTranslation("recording.outposts.dinas-version")).setFlexGrow(1);
        conflicts.setEmptyStateText(getTranslation("recording.outposts.none-kept"));
        conflicts.setAllRowsVisible(true);
        add(new H3(getTranslation("recording.outposts.out-title")), out,
                new H3(getTranslation("recording.outposts.kept-title")),
                new Paragraph(getTranslation("recording.outposts.kept-text")), conflicts);
        LiveRefresh.whileAttached(this, change -> change.action().startsWith("recording.day.")
                || change.action().startsWith("recording.outpost."), this::refresh);
        refresh();
    }

    private void refresh() {
        outRows.show(days.out());
        conflicts.setItems(days.conflicts());
    }

    private void takeBack(OutpostDaySupervision.DayOut day) {
        ReasonDialog dialog = new ReasonDialog(getTranslation("recording.outposts.take-back-title", day.point(),
                day.outpost()), getTranslation("recording.outposts.take-back"), OutpostDaySupervision.TAKE_BACK_REASON_MAX,
                reason -> {
                    days.takeBack(day.checkoutId(), reason);
                    Notifications.success(getTranslation("recording.outposts.taken-back", day.point()));
                    refresh();
                });
        dialog.add(new Paragraph(getTranslation("recording.outposts.take-back-text")));
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.recording.outposts");
    }
}

package id.dukcapil.portal.blanko.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.dukcapil.portal.shared.ui.FilterBar;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.blanko.MovementKind;
import id.dukcapil.portal.blanko.StockMovement;
import id.dukcapil.portal.blanko.StockSummary;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.FitText;
import id.dukcapil.portal.shared.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Blank-card stock: each point's balance and how many days it lasts at the recent rate; a point's ledger; a
 * delivery received, a transfer, and (MANAGER, ADMIN) a stock-take correction.
 */
@Route("blanko")
@RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN, Roles.PRINT_OPERATOR})
@Menu(title = "nav.blanko", order = 40, icon = "vaadin:stock")
class BlankoView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    final Grid<StockSummary> points = new Grid<>();
    final Grid<StockMovement> history = new Grid<>();
    final IntegerField quantity = new IntegerField();
    final TextField reference = new TextField();
    final Button receive = new Button();
    final ComboBox<StockSummary> transferTo = new ComboBox<>();
    final Button transfer = new Button();
    final IntegerField counted = new IntegerField();
    final TextField reason = new TextField();
    final Button correct = new Button();
    private final H3 historyTitle = new H3();
    private final BlankoStock stock;
    private final Clock clock;

    static final int DAYS_WORTH_SHOWING = 90;

    BlankoView(BlankoStock stock, Clock clock) {
        this.stock = stock;
        this.clock = clock;
        setSizeFull();
        points.addColumn(StockSummary::servicePointName).setHeader(getTranslation("blanko.column.point")).setFlexGrow(2);
        points.addColumn(StockSummary::balance).setHeader(getTranslation("blanko.column.balance")).setAutoWidth(true);
        points.addColumn(StockSummary::usedRecently)
                .setHeader(getTranslation("blanko.column.used", BlankoStock.RATE_WINDOW_DAYS)).setAutoWidth(true);
        points.addColumn(this::daysLeft)
                .setHeader(getTranslation("blanko.column.days-left")).setAutoWidth(true);
        points.addThemeVariants(GridVariant.LUMO_COMPACT);
        // A kabupaten has some 33 points: the grid scrolls in its own box so the stock form stays in sight.
        points.setHeight("16em");
        points.addSelectionListener(selection -> showHistory());

        history.addColumn(line -> TIME.format(line.recordedAt().atZone(clock.getZone())))
                .setHeader(getTranslation("blanko.column.time")).setAutoWidth(true);
        history.addColumn(line -> getTranslation(line.kind().labelKey())).setHeader(getTranslation("blanko.column.kind"))
                .setAutoWidth(true);
        history.addColumn(StockMovement::quantity).setHeader(getTranslation("blanko.column.quantity")).setAutoWidth(true);
        history.addColumn(StockMovement::balanceAfter).setHeader(getTranslation("blanko.column.balance")).setAutoWidth(true);
        history.addColumn(this::reference).setHeader(getTranslation("blanko.column.reference"));
        history.addColumn(line -> Objects.toString(line.reason(), "")).setHeader(getTranslation("blanko.column.reason"));
        history.addColumn(StockMovement::recordedBy).setHeader(getTranslation("blanko.column.by")).setAutoWidth(true);
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);

        quantity.setLabel(getTranslation("blanko.field.quantity"));
        quantity.setMin(1);
        quantity.setMax(StockMovement.QUANTITY_MAX);
        reference.setLabel(getTranslation("blanko.field.reference"));
        reference.setMaxLength(StockMovement.REFERENCE_MAX_LENGTH);
        receive.setText(getTranslation("blanko.action.receive"));
        receive.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        receive.addClickListener(click -> act(() -> stock.receive(selected(), value(quantity), reference.getValue())));
        transferTo.setLabel(getTranslation("blanko.field.transfer-to"));
        transferTo.setItemLabelGenerator(StockSummary::servicePointName);
        transfer.setText(getTranslation("blanko.action.transfer"));
        transfer.addClickListener(click -> act(() -> stock.transfer(selected(),
                transferTo.getOptionalValue().map(StockSummary::servicePoint).orElse(""), value(quantity),
                reference.getValue())));
        counted.setLabel(getTranslation("blanko.field.counted"));
        FitText.toLabel(counted);
        counted.setMin(0);
        reason.setLabel(getTranslation("blanko.field.reason"));
        reason.setMaxLength(StockMovement.REASON_MAX_LENGTH);
        correct.setText(getTranslation("blanko.action.correct"));
        correct.addClickListener(click -> act(() -> stock.correct(selected(), value(counted), reason.getValue())));

        boolean keeper = CurrentRoles.hasAny(Role.PLANNER, Role.MANAGER, Role.ADMIN);
        boolean corrector = CurrentRoles.hasAny(Role.MANAGER, Role.ADMIN);
        FilterBar actions = new FilterBar(quantity, reference, receive, transferTo, transfer);
        actions.setVisible(keeper);
        FilterBar stockTake = new FilterBar(counted, reason, correct);
        stockTake.setVisible(corrector);
        add(points, historyTitle, actions, stockTake, history);
        setFlexGrow(1, history);
        refresh();
        points.getListDataView().getItems().findFirst().ifPresent(points::select);
    }

    private void act(Supplier<StockMovement> action) {
        Notifications.unlessRefused(() -> {
            StockMovement line = action.get();
            Notifications.success(getTranslation("blanko.done", getTranslation(line.kind().labelKey()), line.balanceAfter()));
            quantity.clear();
            reference.clear();
            counted.clear();
            reason.clear();
            refresh();
        });
    }

    private void refresh() {
        String current = points.getSelectedItems().stream().findFirst().map(StockSummary::servicePoint).orElse(null);
        var summaries = stock.summaries();
        points.setItems(summaries);
        transferTo.setItems(summaries);
        FitText.toItems(transferTo);
        summaries.stream().filter(summary -> summary.servicePoint().equals(current)).findFirst().ifPresent(points::select);
        showHistory();
    }

    /** A transfer's reference is the other point, shown by its name; a delivery's is the supplier's own number. */
    private String reference(StockMovement line) {
        String reference = Objects.toString(line.reference(), "");
        if (line.kind() != MovementKind.TRANSFER_IN && line.kind() != MovementKind.TRANSFER_OUT) {
            return reference;
        }
        return points.getListDataView().getItems().filter(point -> point.servicePoint().equals(reference))
                .map(StockSummary::servicePointName).findFirst().orElse(reference);
    }

    private void showHistory() {
        points.getSelectedItems().stream().findFirst().ifPresentOrElse(summary -> {
            historyTitle.setText(getTranslation("blanko.history", summary.servicePointName()));
            history.setItemsPageable(page -> stock.history(summary.servicePoint(), page).getContent());
        }, () -> history.setItems(java.util.List.of()));
    }

    private String selected() {
        return points.getSelectedItems().stream().findFirst().map(StockSummary::servicePoint)
                .orElseThrow(() -> new RuleViolation("blanko.error.choose-point"));
    }

    private static int value(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }

    /** Whole days the stock lasts; beyond a quarter the number says nothing a planner acts on ("7,919 days"). */
    private String daysLeft(StockSummary summary) {
        if (summary.daysLeft().isEmpty()) {
            return "–";
        }
        int days = summary.daysLeft().getAsInt();
        return days > DAYS_WORTH_SHOWING ? getTranslation("blanko.days-left.more-than", DAYS_WORTH_SHOWING)
                : String.valueOf(days);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.blanko") + " · Dukcapil Portal";
    }
}

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
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.dukcapil.portal.shared.NaturalOrder;
import id.dukcapil.portal.shared.ui.BoundForms;
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
import id.dukcapil.portal.shared.ui.WholeNumbers;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
    private final Binder<MoveForm> move = new Binder<>(MoveForm.class);
    private final Binder<StockTakeForm> stockTake = new Binder<>(StockTakeForm.class);
    /** A refusal of the service about one field is told at that field. */
    private final Map<String, TextFieldBase<?, ?>> fieldOf;
    private final BlankoStock stock;
    private final Clock clock;

    static final int DAYS_WORTH_SHOWING = 90;

    private final CurrentRoles roles;

    BlankoView(BlankoStock stock, Clock clock, CurrentRoles roles) {
        this.roles = roles;
        this.stock = stock;
        this.clock = clock;
        setSizeFull();
        points.addColumn(StockSummary::servicePointName)
                .setComparator(Comparator.comparing(StockSummary::servicePointName, NaturalOrder.TEXT)).setHeader(getTranslation("blanko.column.point")).setFlexGrow(2);
        points.addColumn(StockSummary::balance).setComparator(StockSummary::balance).setHeader(getTranslation("blanko.column.balance")).setAutoWidth(true);
        points.addColumn(StockSummary::usedRecently).setComparator(StockSummary::usedRecently)
                .setHeader(getTranslation("blanko.column.used", BlankoStock.RATE_WINDOW_DAYS)).setAutoWidth(true);
        // A point that uses none lasts for ever: after every point that runs out.
        points.addColumn(this::daysLeft).setComparator(summary -> summary.daysLeft().orElse(Integer.MAX_VALUE))
                .setHeader(getTranslation("blanko.column.days-left")).setAutoWidth(true);
        points.addThemeVariants(GridVariant.LUMO_COMPACT);
        // A kabupaten has some 33 points: the grid scrolls in its own box so the stock form stays in sight.
        points.setHeight("16em");
        points.addSelectionListener(selection -> showHistory());

        history.addColumn(line -> TIME.format(line.recordedAt().atZone(clock.getZone())))
                .setHeader(getTranslation("blanko.column.time")).setAutoWidth(true).setSortProperty("id");
        history.addColumn(line -> getTranslation(line.kind().labelKey())).setHeader(getTranslation("blanko.column.kind"))
                .setAutoWidth(true);
        history.addColumn(StockMovement::quantity).setHeader(getTranslation("blanko.column.quantity")).setAutoWidth(true)
                .setSortProperty("quantity");
        history.addColumn(StockMovement::balanceAfter).setHeader(getTranslation("blanko.column.balance")).setAutoWidth(true)
                .setSortProperty("balanceAfter");
        history.addColumn(this::reference).setHeader(getTranslation("blanko.column.reference"));
        history.addColumn(line -> Objects.toString(line.reason(), "")).setHeader(getTranslation("blanko.column.reason"));
        history.addColumn(StockMovement::recordedBy).setHeader(getTranslation("blanko.column.by")).setAutoWidth(true)
                .setSortProperty("recordedBy");
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);

        quantity.setLabel(getTranslation("blanko.field.quantity"));
        WholeNumbers.between(quantity, 1, StockMovement.QUANTITY_MAX);
        reference.setLabel(getTranslation("blanko.field.reference"));
        reference.setMaxLength(StockMovement.REFERENCE_MAX_LENGTH);
        receive.setText(getTranslation("blanko.action.receive"));
        receive.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        move.forField(quantity).asRequired(getTranslation("validation.required"))
                .withValidator(value -> value >= 1 && value <= StockMovement.QUANTITY_MAX,
                        getTranslation("blanko.error.quantity", StockMovement.QUANTITY_MAX))
                .bind("quantity");
        move.forField(reference).bind("reference");
        move.forField(transferTo).bind("transferTo");
        move.readRecord(new MoveForm(null, "", null));
        receive.addClickListener(click -> act(move, form -> stock.receive(selected(), form.quantity(), form.reference())));
        transferTo.setLabel(getTranslation("blanko.field.transfer-to"));
        transferTo.setItemLabelGenerator(StockSummary::servicePointName);
        transfer.setText(getTranslation("blanko.action.transfer"));
        transfer.addClickListener(click -> act(move, form -> stock.transfer(selected(),
                form.transferTo() == null ? "" : form.transferTo().servicePoint(), form.quantity(), form.reference())));
        counted.setLabel(getTranslation("blanko.field.counted"));
        FitText.toLabel(counted);
        WholeNumbers.between(counted, 0, StockMovement.QUANTITY_MAX);
        reason.setLabel(getTranslation("blanko.field.reason"));
        reason.setMaxLength(StockMovement.REASON_MAX_LENGTH);
        correct.setText(getTranslation("blanko.action.correct"));
        stockTake.forField(counted).asRequired(getTranslation("validation.required"))
                .withValidator(value -> value >= 0 && value <= StockMovement.QUANTITY_MAX,
                        getTranslation("blanko.error.quantity", StockMovement.QUANTITY_MAX))
                .bind("counted");
        stockTake.forField(reason).asRequired(getTranslation("blanko.error.reason-required")).bind("reason");
        stockTake.readRecord(new StockTakeForm(null, ""));
        correct.addClickListener(click -> act(stockTake, form -> stock.correct(selected(), form.counted(), form.reason())));
        fieldOf = Map.of("blanko.error.reference-required", reference, "blanko.error.quantity", quantity,
                "blanko.error.reason-required", reason, "blanko.error.correction-unchanged", counted);

        boolean keeper = roles.hasAny(Role.PLANNER, Role.MANAGER, Role.ADMIN);
        boolean corrector = roles.hasAny(Role.MANAGER, Role.ADMIN);
        FilterBar actions = new FilterBar(quantity, reference, receive, transferTo, transfer);
        actions.setVisible(keeper);
        FilterBar stockTakeBar = new FilterBar(counted, reason, correct);
        stockTakeBar.setVisible(corrector);
        add(points, historyTitle, actions, stockTakeBar, history);
        setFlexGrow(1, history);
        refresh();
        points.getListDataView().getItems().findFirst().ifPresent(points::select);
    }

    /**
     * Writes the form, runs the action on it, and on success empties both forms for the next line. What the fields
     * refuse is shown at them; what the stock refuses, at the field it is about, or as a message.
     */
    private <F extends Record> void act(Binder<F> form, Function<F, StockMovement> action) {
        Optional<F> written = BoundForms.record(form);
        if (written.isEmpty()) {
            return; // the fields say what is wrong
        }
        F values = written.get();
        try {
            StockMovement line = action.apply(values);
            Notifications.success(getTranslation("blanko.done", getTranslation(line.kind().labelKey()), line.balanceAfter()));
            move.readRecord(new MoveForm(null, "", null));
            stockTake.readRecord(new StockTakeForm(null, ""));
            refresh();
        } catch (RuleViolation refused) {
            Notifications.at(fieldOf.get(refused.messageKeys().getFirst()), refused);
        }
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

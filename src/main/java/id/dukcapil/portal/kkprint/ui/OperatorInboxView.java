package id.dukcapil.portal.kkprint.ui;

import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.kkprint.demo.DemoIntakeDialog;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.dukcapil.portal.kkprint.InboxFilter;
import id.dukcapil.portal.kkprint.InboxRow;
import id.dukcapil.portal.kkprint.KkDelivery;
import id.dukcapil.portal.kkprint.KkPrintIntake;
import id.dukcapil.portal.kkprint.KkPrintRefusal;
import id.dukcapil.portal.kkprint.KkRequests;
import id.dukcapil.portal.kkprint.OperatorInbox;
import id.dukcapil.portal.kkprint.RequestDetail;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.OpensDialog;
import id.dukcapil.portal.signing.SignableDocuments.Detail;
import id.dukcapil.portal.kkprint.RequestState;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.live.Change;
import id.dukcapil.portal.shared.ui.LiveRefresh;
import id.dukcapil.portal.shared.ui.ReasonDialog;
import id.dukcapil.portal.shared.ui.RowActions;
import id.dukcapil.portal.shared.ui.RowOpener;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * SOP B step 6, the operator's inbox: the request nearest to (or furthest over) its standard first, with who holds
 * each and its live clock; claim, forward, return with a reason. VERIFIER and ADMIN see it to release stuck claims.
 */
@Route("kk/operator")
@RolesAllowed({Roles.OPERATOR, Roles.VERIFIER, Roles.ADMIN})
@Menu(title = "nav.kk-operator", order = 30, icon = "vaadin:inbox")
class OperatorInboxView extends VerticalLayout implements HasDynamicTitle {

    /** What moves a request in or out of an inbox: its own steps and its signature's. */
    static final Predicate<Change> CHANGES = Change.inModules("kkprint", "signing");
    /** The rows' clocks in step. */
    static final Duration CLOCKS = Duration.ofSeconds(15);

    final Grid<InboxRow> grid = new Grid<>();
    final Checkbox overdueOnly = new Checkbox();
    final TextField tracking = new TextField();
    final Button demoSubmit = new Button();
    /** The lookup's request number, checked at the field before any query. */
    private final Binder<TrackingLookup> lookup = new Binder<>(TrackingLookup.class);
    private final OperatorInbox inbox;
    private final KkRequests requests;
    private final KkDelivery delivery;
    private final Clock clock;
    /** Who may do what on a row, in the inbox and in the request's window alike. */
    private Predicate<InboxRow> claimable = row -> false;
    private Predicate<InboxRow> mineInCheck = row -> false;
    private Predicate<InboxRow> releasable = row -> false;

    private final CurrentRoles roles;

    OperatorInboxView(OperatorInbox inbox, KkRequests requests, KkDelivery delivery,
                      KkPrintIntake intake, Environment environment, CurrentActor currentActor,
                      Clock clock, CurrentRoles roles) {
        this.roles = roles;
        LiveRefresh.whileAttached(this, CHANGES, CLOCKS, this::refresh);
        this.inbox = inbox;
        this.requests = requests;
        this.delivery = delivery;
        this.clock = clock;
        setSizeFull();
        String me = currentActor.id();
        boolean operator = roles.hasAny(Role.OPERATOR);
        boolean supervisor = roles.hasAny(Role.VERIFIER, Role.ADMIN);

        overdueOnly.setId("kk-overdue-only");
        overdueOnly.setLabel(getTranslation("kkprint.filter.overdue"));
        overdueOnly.addValueChangeListener(change -> refresh());
        tracking.setPlaceholder(getTranslation("kkprint.filter.tracking"));
        tracking.setClearButtonVisible(true);
        tracking.setMinWidth("16em"); // the placeholder whole, also where the toolbar is narrow
        tracking.setMaxLength(20);
        lookup.forField(tracking).withValidator(BeanRule.of(TrackingLookup.class, "tracking")).bind("tracking");
        lookup.readRecord(TrackingLookup.empty());
        lookup.setValidatorsDisabled(true); // an empty lookup field is no error until Enter asks for a request
        tracking.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, press -> openTracking());
        demoSubmit.setText(getTranslation("kkprint.demo.open"));
        demoSubmit.setIcon(VaadinIcon.MOBILE.create());
        demoSubmit.setVisible(environment.acceptsProfiles(Profiles.of("demo"))
                && roles.hasAny(Role.OPERATOR, Role.ADMIN));
        demoSubmit.addClickListener(click -> new DemoIntakeDialog(intake, this::refresh).open());
        OpensDialog.button(demoSubmit);

        grid.addColumn(InboxRow::trackingNumber).setHeader(getTranslation("kkprint.column.tracking")).setAutoWidth(true)
                .setSortProperty("trackingNumber");
        // Second, beside the number: the step's clock is in sight at 1440 px (issue 54: last, it was scrolled out behind
        // the row's buttons). Not frozen: on a tablet two frozen columns left no room for the rest of the row.
        grid.addColumn(row -> Clocks.inStep(this, row, clock.instant())).setHeader(getTranslation("kkprint.column.clock"))
                .setKey("clock").setAutoWidth(true).setSortProperty("clock");
        grid.addColumn(InboxRow::requesterName).setHeader(getTranslation("kkprint.column.requester")).setFlexGrow(2)
                .setSortProperty("requesterName");
        grid.addColumn(row -> getTranslation(row.reason().labelKey())).setHeader(getTranslation("kkprint.column.reason"))
                .setAutoWidth(true);
        grid.addColumn(row -> row.holderName() == null ? getTranslation("kkprint.unclaimed")
                : getTranslation("kkprint.held-by", row.holderName())).setHeader(getTranslation("kkprint.column.holder"))
                .setKey("holder").setAutoWidth(true).setSortProperty("holderName");
        actions(me, operator, supervisor).addTo(grid);
        grid.setPartNameGenerator(row -> row.overdue(clock.instant()) ? "overdue" : null);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        // A row keeps its key while its request is listed, whatever else of it changes: what a click names stays valid.
        grid.setItemsPageable(page -> requests.operatorInbox(new InboxFilter(overdueOnly.getValue()), page).getContent())
                .setIdentifierProvider(InboxRow::id);
        RowOpener.install(grid, row -> openDetail(row.id()));
        OpensDialog.rowsOf(grid);
        grid.setSizeFull();

        HorizontalLayout toolbar = new HorizontalLayout(overdueOnly, tracking,
                new Button(getTranslation("kkprint.refresh"), VaadinIcon.REFRESH.create(), click -> refresh()), demoSubmit);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(toolbar, grid);
    }

    /** Take, forward, return with a reason, release: each on the rows it applies to (decision 163). */
    private RowActions<InboxRow> actions(String me, boolean operator, boolean supervisor) {
        claimable = row -> row.state() == RequestState.SUBMITTED && operator;
        mineInCheck = row -> row.state() == RequestState.IN_CHECK && Objects.equals(me, row.holder());
        releasable = row -> row.state() == RequestState.IN_CHECK && (supervisor || Objects.equals(me, row.holder()));
        return RowActions.<InboxRow>of(InboxRow::id)
                .button("claim-", getTranslation("kkprint.action.claim"), claimable,
                        row -> act(() -> inbox.claim(row.id()), "kkprint.done.claimed"))
                .button("forward-", getTranslation("kkprint.action.forward"), mineInCheck,
                        row -> act(() -> inbox.forward(row.id()), "kkprint.done.forwarded"))
                .dialogButton("return-", getTranslation("kkprint.action.return"), null, mineInCheck,
                        row -> new ReasonDialog(getTranslation("kkprint.action.return"),
                                getTranslation("kkprint.action.return"), KkRequests.REASON_MAX_LENGTH, reason -> {
                            inbox.returnToCitizen(row.id(), reason);
                            Notifications.success(getTranslation("kkprint.done.returned"));
                            refresh();
                        }).open(), ButtonVariant.LUMO_ERROR)
                .button("release-", getTranslation("kkprint.action.release"), releasable,
                        row -> act(() -> inbox.release(row.id()), "kkprint.done.released"));
    }

    private void act(Runnable action, String doneKey) {
        if (Notifications.unlessRefused(action)) {
            Notifications.success(getTranslation(doneKey));
        }
        refresh();
    }

    /** Opens the request whose number was typed; a number that cannot be one, or is nobody's, is said at the field. */
    void openTracking() {
        lookup.setValidatorsDisabled(false);
        Optional<TrackingLookup> written = BoundForms.record(lookup);
        if (written.isEmpty()) {
            return; // the field says what is wrong
        }
        TrackingLookup typed = written.get();
        requests.find(typed.tracking()).ifPresentOrElse(
                detail -> {
                    lookup.setValidatorsDisabled(true); // emptied again later, the field is no error
                    open(detail);
                },
                () -> Notifications.at(tracking, new KkPrintRefusal(KkPrintRefusal.Code.REQUEST_NOT_FOUND)));
    }

    private void openDetail(long id) {
        requests.detail(id).ifPresent(this::open);
    }

    private void open(RequestDetail detail) {
        List<Detail> family = inbox.opened(detail, getLocale());
        RequestDialog dialog = new RequestDialog(detail, family, delivery, clock.getZone(), this::refresh, roles);
        dialog.addActions(inboxActions(detail.row(), dialog));
        dialog.open();
    }

    /**
     * The row's own actions in the request's window too (issue 54, item 10: it had only "Tutup"): taking it reopens
     * the window on the request held, with forwarding and returning at hand; the others close it.
     */
    private List<Button> inboxActions(InboxRow row, RequestDialog dialog) {
        List<Button> buttons = new ArrayList<>();
        if (claimable.test(row)) {
            buttons.add(inDialog("claim", "kkprint.action.claim", dialog, () -> {
                inbox.claim(row.id());
                Notifications.success(getTranslation("kkprint.done.claimed"));
                openDetail(row.id());
            }, ButtonVariant.LUMO_PRIMARY));
        }
        if (mineInCheck.test(row)) {
            buttons.add(inDialog("forward", "kkprint.action.forward", dialog, () -> {
                inbox.forward(row.id());
                Notifications.success(getTranslation("kkprint.done.forwarded"));
            }, ButtonVariant.LUMO_PRIMARY));
            Button giveBack = new Button(getTranslation("kkprint.action.return"), click -> new ReasonDialog(
                    getTranslation("kkprint.action.return"), getTranslation("kkprint.action.return"),
                    KkRequests.REASON_MAX_LENGTH, reason -> {
                        inbox.returnToCitizen(row.id(), reason);
                        Notifications.success(getTranslation("kkprint.done.returned"));
                        dialog.close();
                        refresh();
                    }).open());
            giveBack.setId("dialog-return");
            giveBack.addThemeVariants(ButtonVariant.LUMO_ERROR);
            OpensDialog.button(giveBack);
            buttons.add(giveBack);
        }
        if (releasable.test(row)) {
            buttons.add(inDialog("release", "kkprint.action.release", dialog, () -> {
                inbox.release(row.id());
                Notifications.success(getTranslation("kkprint.done.released"));
            }));
        }
        return buttons;
    }

    /** A button of the request's window: the action, then the window closed and the inbox redrawn. */
    private Button inDialog(String id, String labelKey, RequestDialog dialog, Runnable action,
                            ButtonVariant... variants) {
        Button button = new Button(getTranslation(labelKey), click -> {
            Notifications.unlessRefused(() -> { // refused (changed meanwhile): said, and the window stays
                action.run();
                dialog.close();
            });
            refresh();
        });
        button.setId("dialog-" + id);
        button.addThemeVariants(variants);
        return button;
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }


    @Override
    public String getPageTitle() {
        return getTranslation("nav.kk-operator") + " · Dukcapil Portal";
    }
}

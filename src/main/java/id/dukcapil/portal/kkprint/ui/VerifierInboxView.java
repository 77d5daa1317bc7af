package id.dukcapil.portal.kkprint.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.dukcapil.portal.kkprint.BatchOutcome;
import id.dukcapil.portal.kkprint.InboxFilter;
import id.dukcapil.portal.kkprint.InboxRow;
import id.dukcapil.portal.kkprint.Review;
import id.dukcapil.portal.kkprint.KkRequests;
import id.dukcapil.portal.kkprint.VerifierInbox;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.Finding;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.live.Change;
import id.dukcapil.portal.shared.ui.LiveRefresh;
import id.dukcapil.portal.shared.ui.OpensDialog;
import id.dukcapil.portal.shared.ui.ReasonDialog;
import id.dukcapil.portal.shared.ui.RowOpener;
import id.dukcapil.portal.shared.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

/**
 * SOP B step 7, the verification inbox: the request beside the family as the registry has it now, problems
 * highlighted; verify and validate for signature, or reject to the operator or the citizen. Several at once too.
 */
@Route("kk/verifier")
@RolesAllowed(Roles.VERIFIER)
@Menu(title = "nav.kk-verifier", order = 31, icon = "vaadin:check-square-o")
class VerifierInboxView extends SplitLayout implements HasDynamicTitle {

    final Grid<InboxRow> grid = new Grid<>();
    final Checkbox overdueOnly = new Checkbox();
    final Button verifySelected = new Button();
    final VerticalLayout reviewPanel = new VerticalLayout();
    final Grid<Resident> members = new Grid<>();
    final Button verify = new Button();
    final Button rejectToOperator = new Button();
    final Button rejectToCitizen = new Button();
    private final VerifierInbox inbox;
    private final KkRequests requests;
    private final Clock clock;
    private @Nullable Review review;
    /** The requests this verifier opened on this screen: a batch says how many of its requests were not. */
    private final java.util.Set<Long> opened = new java.util.HashSet<>();

    VerifierInboxView(VerifierInbox inbox, KkRequests requests, Clock clock) {
        LiveRefresh.whileAttached(this, OperatorInboxView.CHANGES, OperatorInboxView.CLOCKS, this::refresh);
        this.inbox = inbox;
        this.requests = requests;
        this.clock = clock;
        setSizeFull();
        overdueOnly.setLabel(getTranslation("kkprint.filter.overdue"));
        overdueOnly.addValueChangeListener(change -> refresh());
        verifySelected.setText(getTranslation("kkprint.action.verify-selected"));
        verifySelected.addClickListener(click -> verifySelected());

        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(InboxRow::trackingNumber).setHeader(getTranslation("kkprint.column.tracking")).setAutoWidth(true)
                .setSortProperty("trackingNumber");
        grid.addColumn(InboxRow::requesterName).setHeader(getTranslation("kkprint.column.requester")).setFlexGrow(2)
                .setSortProperty("requesterName");
        grid.addColumn(row -> getTranslation(row.reason().labelKey())).setHeader(getTranslation("kkprint.column.reason"))
                .setAutoWidth(true);
        // Frozen to the end: the time in the step, where the overdue figure shows, stays in sight in the split pane.
        grid.addColumn(row -> Clocks.inStep(this, row, clock.instant())).setHeader(getTranslation("kkprint.column.clock"))
                .setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true).setSortProperty("clock");
        grid.setPartNameGenerator(row -> row.overdue(clock.instant()) ? "overdue" : null);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setItemsPageable(page -> requests.verifierInbox(new InboxFilter(overdueOnly.getValue()), page).getContent());
        RowOpener.install(grid, row -> show(row.id()));
        grid.setSizeFull();

        members.addColumn(Resident::fullName).setHeader(getTranslation("kkprint.column.member")).setFlexGrow(2);
        members.addColumn(member -> member.nik().value()).setHeader("NIK").setAutoWidth(true);
        members.addColumn(member -> getTranslation(member.relationship().labelKey()))
                .setHeader(getTranslation("kkprint.column.relationship")).setAutoWidth(true);
        members.addColumn(member -> getTranslation(member.enrolmentStatus().labelKey()))
                .setHeader(getTranslation("kkprint.column.enrolment")).setAutoWidth(true);
        members.setPartNameGenerator(member -> review != null && review.flaggedMembers().contains(member.id())
                ? "problem" : null);
        members.setAllRowsVisible(true);

        verify.setText(getTranslation("kkprint.action.verify"));
        verify.setId("kkprint-verify"); // what OfficeLoadBenchmark's verifier clicks
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        verify.addClickListener(click -> act(() -> inbox.verify(current()), "kkprint.done.verified"));
        rejectToOperator.setText(getTranslation("kkprint.action.reject-operator"));
        rejectToOperator.addClickListener(click -> new ReasonDialog(rejectToOperator.getText(),
                rejectToOperator.getText(), KkRequests.REASON_MAX_LENGTH, reason ->
                act(() -> inbox.reject(current(), reason, false), "kkprint.done.rejected")).open());
        OpensDialog.button(rejectToOperator);
        rejectToCitizen.setText(getTranslation("kkprint.action.reject-citizen"));
        OpensDialog.button(rejectToCitizen);
        rejectToCitizen.addThemeVariants(ButtonVariant.LUMO_ERROR);
        rejectToCitizen.addClickListener(click -> new ReasonDialog(rejectToCitizen.getText(),
                rejectToCitizen.getText(), KkRequests.REASON_MAX_LENGTH, reason ->
                act(() -> inbox.reject(current(), reason, true), "kkprint.done.rejected")).open());
        reviewPanel.add(new Paragraph(getTranslation("kkprint.review.pick")));

        HorizontalLayout toolbar = new HorizontalLayout(overdueOnly, verifySelected,
                new Button(getTranslation("kkprint.refresh"), VaadinIcon.REFRESH.create(), click -> refresh()));
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout left = new VerticalLayout(toolbar, grid);
        left.setSizeFull();
        addToPrimary(left);
        addToSecondary(reviewPanel);
        setSplitterPosition(50);
    }

    void show(long id) {
        review = inbox.review(id);
        opened.add(id);
        reviewPanel.removeAll();
        InboxRow row = review.request().row();
        reviewPanel.add(new H4(row.trackingNumber() + " · " + row.requesterName()));
        reviewPanel.add(new Paragraph(getTranslation("kkprint.detail.requester", row.requesterName(),
                review.request().requesterNik(), row.kkNumber())));
        reviewPanel.add(new Paragraph(getTranslation(row.reason().labelKey())
                + (review.request().description().isBlank() ? "" : " — " + review.request().description())));
        Div problems = new Div();
        problems.setId("review-problems");
        problems.addClassName("problems");
        for (Finding problem : review.problems()) {
            Paragraph line = new Paragraph(getTranslation(problem.messageKey(), problem.argsArray()));
            line.addClassName("problem");
            problems.add(line);
        }
        for (Finding change : review.changes()) {
            Paragraph line = new Paragraph(getTranslation(change.messageKey(), change.argsArray()));
            line.addClassName("change");
            problems.add(line);
        }
        if (review.problems().isEmpty() && review.changes().isEmpty()) {
            problems.add(new Paragraph(getTranslation("kkprint.review.no-problems")));
        }
        reviewPanel.add(problems);
        review.family().ifPresent(family -> members.setItems(family.members()));
        HorizontalLayout decisions = new HorizontalLayout(verify, rejectToOperator, rejectToCitizen);
        decisions.setWrap(true); // beside the inbox at 1440 px the third button ran past the panel's edge
        reviewPanel.add(members, decisions);
    }

    private long current() {
        if (review == null) {
            throw new RuleViolation("kkprint.review.pick");
        }
        return review.request().row().id();
    }

    /** A decision on the open request, then the next one in the inbox's order opens beside it (issue 54, item 10). */
    private void act(Runnable action, String doneKey) {
        Notifications.unlessRefused(() -> {
            long decided = current();
            action.run();
            Notifications.success(getTranslation(doneKey));
            review = null;
            showNext(decided);
        });
        refresh();
    }

    /** The first request of the inbox other than the one just decided; the empty pane's words if there is none. */
    private void showNext(long decided) {
        requests.verifierInbox(new InboxFilter(overdueOnly.getValue()), PageRequest.of(0, 2)).getContent().stream()
                .filter(row -> row.id() != decided).findFirst().ifPresentOrElse(next -> show(next.id()), () -> {
                    reviewPanel.removeAll();
                    reviewPanel.add(new Paragraph(getTranslation("kkprint.review.done")));
                });
    }

    /**
     * The selected requests verified at once, after a confirmation that says how many and how many of them this
     * verifier has not opened (issue 54, item 10: they were verified without a word). Each is still checked.
     */
    void verifySelected() {
        List<InboxRow> selected = List.copyOf(grid.getSelectedItems());
        if (selected.isEmpty()) {
            Notifications.error(getTranslation("kkprint.batch.none"));
            return;
        }
        long notOpened = selected.stream().filter(row -> !opened.contains(row.id())).count();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("verify-selected-confirm");
        confirm.setHeader(getTranslation("kkprint.batch.header", selected.size()));
        confirm.setText(notOpened == 0 ? getTranslation("kkprint.batch.all-opened")
                : getTranslation("kkprint.batch.not-opened", notOpened));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("kkprint.batch.cancel"));
        confirm.setConfirmText(getTranslation("kkprint.batch.confirm", selected.size()));
        confirm.addConfirmListener(confirmed -> verifyAll(selected));
        confirm.open();
    }

    private void verifyAll(List<InboxRow> selected) {
        List<Long> ids = selected.stream()
                .sorted(Comparator.comparing(InboxRow::stepDueAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(InboxRow::id).toList();
        List<BatchOutcome> outcomes = inbox.verifyAll(ids);
        long verified = outcomes.stream().filter(BatchOutcome::verified).count();
        String refused = outcomes.stream().filter(outcome -> !outcome.verified())
                .map(outcome -> outcome.trackingNumber() + ": " + getTranslation(outcome.refusal().messageKey(),
                        outcome.refusal().argsArray()))
                .collect(Collectors.joining("; "));
        if (refused.isEmpty()) {
            Notifications.success(getTranslation("kkprint.done.verified-batch", verified));
        } else {
            Notifications.error(getTranslation("kkprint.done.verified-batch", verified) + " " + refused);
        }
        grid.deselectAll();
        refresh();
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }


    @Override
    public String getPageTitle() {
        return getTranslation("nav.kk-verifier") + " · Dukcapil Portal";
    }
}

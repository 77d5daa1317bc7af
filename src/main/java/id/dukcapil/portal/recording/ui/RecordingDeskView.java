package id.dukcapil.portal.recording.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.dukcapil.portal.recording.RecordingDesk;
import id.dukcapil.portal.recording.RecordingDocuments;
import id.dukcapil.portal.recording.Visit;
import id.dukcapil.portal.recording.VisitState;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.ListedRows;
import id.dukcapil.portal.shared.ui.LiveRefresh;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.OpensDialog;
import id.dukcapil.portal.shared.ui.ReasonDialog;
import id.dukcapil.portal.shared.ui.RowActions;
import id.dukcapil.portal.shared.ui.StepTimer;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * SOP C step 3 at a recording desk: "Panggil berikutnya" (Alt+N) takes the next number, the called resident with
 * recall, absent, recorded (the proof to print, then handed) and failed (with the reason, a technical failure
 * marked); beside it the numbers waiting aside (absent) and the proofs still to hand over.
 */
@Route("perekaman")
@RolesAllowed(Roles.RECORDING_OPERATOR)
@Menu(title = "nav.recording.desk", order = 63, icon = "vaadin:camera")
class RecordingDeskView extends VerticalLayout implements HasDynamicTitle {


    final TextField deskName = new TextField();
    private final Binder<DeskForm> deskForm = new Binder<>(DeskForm.class);
    final Button callNext = new Button();
    final Span waiting = new Span();
    final Div current = new Div();
    /** The called resident's step against its standard (issue 54), beside the number. */
    final StepTimer stepClock = new StepTimer("recording-step-clock");
    final Grid<Visit> calledList = new Grid<>();
    final Grid<Visit> absent = new Grid<>();
    final Grid<Visit> toHand = new Grid<>();
    // Each row keeps its data key while listed: what a click on its button names (decision 163).
    private final ListedRows<Visit> calledRows = ListedRows.of(calledList, Visit::id);
    private final ListedRows<Visit> absentRows = ListedRows.of(absent, Visit::id);
    private final ListedRows<Visit> toHandRows = ListedRows.of(toHand, Visit::id);
    private final RecordingDesk desk;
    private final RecordingDocuments papers;
    private final Clock clock;
    @Nullable Visit called;

    RecordingDeskView(RecordingDesk desk, RecordingDocuments papers, Clock clock) {
        this.desk = desk;
        this.clock = clock;
        this.papers = papers;
        setSizeFull();
        deskName.setLabel(getTranslation("recording.desk.name"));
        deskName.setMaxLength(DeskForm.NAME_MAX_LENGTH);
        // Bound: an empty name is said at the field, and no number is called to a desk nobody can find.
        deskForm.forField(deskName).withValidator(BeanRule.of(DeskForm.class, "desk")).bind("desk");
        deskForm.readBean(new DeskForm(getTranslation("recording.desk.default-name")));
        callNext.setText(getTranslation("recording.desk.call-next"));
        callNext.setId("recording-call-next");
        callNext.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        callNext.addClickShortcut(Key.KEY_N, KeyModifier.ALT);
        callNext.addClickListener(click -> deskName().ifPresent(name -> act(() -> desk.callNext(name)
                .ifPresentOrElse(this::show, () -> Notifications.success(getTranslation("recording.desk.nobody"))))));
        waiting.setId("recording-waiting");
        HorizontalLayout top = new HorizontalLayout(deskName, callNext, waiting);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);

        calledList.addColumn(Visit::ticket).setHeader(getTranslation("recording.report.column.ticket"))
                .setAutoWidth(true);
        calledList.addColumn(Visit::fullName).setHeader(getTranslation("recording.report.column.name"));
        calledList.addColumn(Visit::desk).setHeader(getTranslation("recording.report.column.desk"));
        RowActions.<Visit>of(Visit::id).button("serve-", getTranslation("recording.desk.serve"), visit -> true,
                visit -> deskName().ifPresent(name -> act(() -> show(desk.serve(visit.id(), name))))).addTo(calledList);
        calledList.setAllRowsVisible(true);
        calledList.setEmptyStateText(getTranslation("recording.desk.none-called"));
        calledList.addThemeVariants(GridVariant.LUMO_COMPACT);
        absent.addColumn(Visit::ticket).setHeader(getTranslation("recording.report.column.ticket")).setAutoWidth(true);
        absent.addColumn(Visit::fullName).setHeader(getTranslation("recording.report.column.name"));
        RowActions.<Visit>of(Visit::id).button("back-", getTranslation("recording.desk.bring-back"), visit -> true,
                visit -> act(() -> {
                    desk.bringBack(visit.id());
                    Notifications.success(getTranslation("recording.desk.brought-back", visit.ticket()));
                })).addTo(absent);
        absent.setAllRowsVisible(true);
        absent.setEmptyStateText(getTranslation("recording.desk.none-absent"));
        toHand.addColumn(Visit::ticket).setHeader(getTranslation("recording.report.column.ticket")).setAutoWidth(true);
        toHand.addColumn(Visit::fullName).setHeader(getTranslation("recording.report.column.name"));
        RowActions.<Visit>of(Visit::id)
                .link("proof-", getTranslation("recording.desk.print-proof"), visit -> true, this::proof)
                .button("handed-", getTranslation("recording.desk.proof-handed"), visit -> true, visit -> act(() -> {
                    desk.proofHanded(visit.id());
                    Notifications.success(getTranslation("recording.desk.done", visit.fullName()));
                })).addTo(toHand);
        toHand.setAllRowsVisible(true);
        toHand.setEmptyStateText(getTranslation("recording.desk.none-to-hand"));
        absent.addThemeVariants(GridVariant.LUMO_COMPACT);
        toHand.addThemeVariants(GridVariant.LUMO_COMPACT);

        desk.dayOut().ifPresent(out -> add(DayOutLine.of(out)));
        add(new H3(getTranslation("recording.desk.title")), top, current,
                new H3(getTranslation("recording.desk.called")), calledList,
                new H3(getTranslation("recording.desk.to-hand")), toHand,
                new H3(getTranslation("recording.desk.absent")), absent);
        String point = desk.point();
        LiveRefresh.whileAttached(this, change -> change.action().startsWith("recording.") && change.at(point),
                this::refresh);
        // A reload, a crash or a second tab: the desk reopens on the number it was serving.
        desk.serving().ifPresent(visit -> {
            if (visit.desk() != null) {
                deskName.setValue(visit.desk());
            }
            show(visit);
        });
        refresh();
    }

    void refresh() {
        waiting.setText(getTranslation("recording.desk.waiting", desk.inState(VisitState.QUEUED).size()));
        calledRows.show(desk.called().stream().filter(visit -> called == null || visit.id() != called.id()).toList());
        absentRows.show(desk.inState(VisitState.ABSENT));
        toHandRows.show(desk.inState(VisitState.RECORDED));
    }

    void show(Visit visit) {
        called = visit;
        // One number at a time: the next is called once this one is recorded, sent back or absent.
        callNext.setEnabled(false);
        current.removeAll();
        Span ticket = new Span(visit.ticket());
        ticket.setId("recording-called");
        ticket.getStyle().set("font-size", "3rem").set("font-weight", "700");
        Paragraph who = new Paragraph(visit.fullName() + " · " + visit.nik()
                + (visit.requeued() ? " · " + getTranslation("recording.desk.requeued") : "")
                + (visit.priority() != null ? " · " + getTranslation(visit.priority().labelKey()) : ""));
        Button recall = button("recording.desk.recall", "recording-recall", () -> desk.recall(visit.id()));
        Button gone = button("recording.desk.absent-action", "recording-absent", () -> {
            desk.absent(visit.id());
            // Said, as every action is: the number leaves the waiting room's board with this click.
            Notifications.success(getTranslation("recording.desk.absent-done", visit.ticket()));
            clear();
        });
        TextField fault = new TextField(getTranslation("recording.fault.label"));
        fault.setPlaceholder(getTranslation("recording.fault.placeholder"));
        fault.setMaxLength(200);
        fault.setId("recording-fault");
        fault.setWidth("24rem");
        Button recorded = button("recording.desk.recorded", "recording-recorded", () -> {
            Visit done = desk.recorded(visit.id(), fault.getValue());
            Notifications.success(getTranslation("recording.desk.recorded-done", done.fullName()));
            clear();
        });
        recorded.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        Checkbox technical = new Checkbox(getTranslation("recording.desk.technical"));
        Button failed = button("recording.desk.failed", "recording-failed", () -> {
            ReasonDialog dialog = new ReasonDialog(getTranslation("recording.desk.failed-title", visit.ticket()),
                    getTranslation("recording.desk.send-back"), 300, reason -> act(() -> {
                        desk.failed(visit.id(), reason, technical.getValue());
                        Notifications.success(getTranslation("recording.desk.sent-back", visit.ticket()));
                        clear();
                    }));
            dialog.add(technical);
            dialog.open();
        });
        OpensDialog.button(failed);
        failed.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout number = new HorizontalLayout(ticket, stepClock);
        number.setAlignItems(FlexComponent.Alignment.CENTER);
        desk.step(visit.id()).ifPresentOrElse(
                step -> stepClock.show(step.startedAt(), step.standard(), clock.instant()), stepClock::clear);
        current.add(number, who, new HorizontalLayout(recorded, failed, recall, gone), fault);
    }

    /** Done with a number: on to the next one this operator called, if any, else ready to call. */
    private void clear() {
        called = null;
        callNext.setEnabled(true);
        current.removeAll();
        desk.serving().ifPresent(this::show);
        refresh();
    }

    private DownloadResponse proof(Visit visit) {
        byte[] pdf = papers.proof(visit);
        return new DownloadResponse(new ByteArrayInputStream(pdf), "bukti-perekaman-" + visit.proofNumber() + ".pdf",
                "application/pdf", pdf.length);
    }

    /** The desk's name, if the field holds one; else the field says what is wrong and nothing is done. */
    private Optional<String> deskName() {
        return BoundForms.record(deskForm).map(typed -> typed.desk().strip());
    }

    private Button button(String key, String id, Runnable action) {
        Button button = new Button(getTranslation(key), click -> act(action));
        button.setId(id);
        return button;
    }

    private void act(Runnable action) {
        Notifications.unlessRefused(action);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recording.desk.title");
    }
}

package id.dukcapil.portal.outpost.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.dukcapil.portal.outpost.DayDesks;
import id.dukcapil.portal.outpost.DayRecording;
import id.dukcapil.portal.recording.VisitState;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.ListedRows;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.OpensDialog;
import id.dukcapil.portal.shared.ui.ReasonDialog;
import id.dukcapil.portal.shared.ui.RowActions;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * SOP C step 3 on the kecamatan's outpost: call the next number to this desk, record or send back with the reason,
 * recall, mark absent and bring back; the proofs to hand. As the Dinas's recording desk, one number at a time.
 */
class DayRecordingPanel extends VerticalLayout {

    final TextField deskName = new TextField();
    final Button callNext = new Button();
    final Span waiting = new Span();
    final VerticalLayout current = new VerticalLayout();
    final Grid<DayDesks.Visit> toHand = new Grid<>();
    final Grid<DayDesks.Visit> absent = new Grid<>();
    private final ListedRows<DayDesks.Visit> toHandRows = ListedRows.of(toHand, DayDesks.Visit::key);
    private final ListedRows<DayDesks.Visit> absentRows = ListedRows.of(absent, DayDesks.Visit::key);
    private final DayRecording desk;
    private final Supplier<String> operator;
    private final Runnable changed;
    private DayDesks.@Nullable Visit called;

    DayRecordingPanel(DayRecording desk, Supplier<String> operator, Runnable changed) {
        this.desk = desk;
        this.operator = operator;
        this.changed = changed;
        setPadding(false);
        deskName.setLabel(getTranslation("recording.desk.name"));
        deskName.setMaxLength(20);
        deskName.setValue(getTranslation("recording.desk.default-name"));
        deskName.setId("day-desk-name");
        callNext.setText(getTranslation("recording.desk.call-next"));
        callNext.setId("day-call-next");
        callNext.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        callNext.addClickShortcut(Key.KEY_N, KeyModifier.ALT);
        callNext.addClickListener(click -> act(() -> desk.callNext(deskName.getValue()).ifPresentOrElse(this::show,
                () -> Notifications.success(getTranslation("recording.desk.nobody")))));
        waiting.setId("day-waiting");
        HorizontalLayout top = new HorizontalLayout(deskName, callNext, waiting);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.setWrap(true);
        current.setPadding(false);

        toHand.addColumn(DayDesks.Visit::ticket).setHeader(getTranslation("recording.report.column.ticket"))
                .setAutoWidth(true).setFlexGrow(0);
        toHand.addColumn(visit -> visit.fullName() + " · " + visit.proofNumber())
                .setHeader(getTranslation("recording.report.column.name"));
        RowActions.<DayDesks.Visit>of(DayDesks.Visit::key)
                .link("day-proof-", getTranslation("recording.desk.print-proof"), visit -> true, this::proof)
                .button("day-handed-",
                getTranslation("recording.desk.proof-handed"), visit -> true, visit -> act(() -> {
                    desk.proofHanded(visit.key());
                    Notifications.success(getTranslation("recording.desk.done", visit.fullName()));
                })).addTo(toHand);
        toHand.setAllRowsVisible(true);
        toHand.setEmptyStateText(getTranslation("recording.desk.none-to-hand"));
        absent.addColumn(DayDesks.Visit::ticket).setHeader(getTranslation("recording.report.column.ticket"))
                .setAutoWidth(true).setFlexGrow(0);
        absent.addColumn(DayDesks.Visit::fullName).setHeader(getTranslation("recording.report.column.name"));
        RowActions.<DayDesks.Visit>of(DayDesks.Visit::key).button("day-back-",
                getTranslation("recording.desk.bring-back"), visit -> true, visit -> act(() -> {
                    desk.bringBack(visit.key());
                    Notifications.success(getTranslation("recording.desk.brought-back", visit.ticket()));
                })).addTo(absent);
        absent.setAllRowsVisible(true);
        absent.setEmptyStateText(getTranslation("recording.desk.none-absent"));
        toHand.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        absent.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        add(new H3(getTranslation("recording.desk.title")), top, current,
                new H4(getTranslation("recording.desk.to-hand")), toHand,
                new H4(getTranslation("recording.desk.absent")), absent);
        // A reload or a second tab: the desk reopens on the number this operator was serving (not another desk's).
        desk.inState(VisitState.CALLED).stream().filter(visit -> operator.get().equals(visit.calledBy()))
                .findFirst().ifPresent(this::show);
        refresh();
    }

    void refresh() {
        waiting.setText(getTranslation("recording.desk.waiting", desk.inState(VisitState.QUEUED).size()));
        toHandRows.show(desk.inState(VisitState.RECORDED));
        absentRows.show(desk.inState(VisitState.ABSENT));
    }

    private void show(DayDesks.Visit visit) {
        called = visit;
        callNext.setEnabled(false); // one number at a time
        current.removeAll();
        Span ticket = new Span(visit.ticket());
        ticket.setId("day-called");
        ticket.getStyle().set("font-size", "3rem").set("font-weight", "700");
        Paragraph who = new Paragraph(visit.fullName() + " · " + visit.nik()
                + (visit.requeued() ? " · " + getTranslation("recording.desk.requeued") : "")
                + (visit.priority() != null ? " · " + getTranslation(visit.priority().labelKey()) : ""));
        TextField fault = new TextField(getTranslation("recording.fault.label"));
        fault.setPlaceholder(getTranslation("recording.fault.placeholder"));
        fault.setMaxLength(200);
        fault.setId("day-fault");
        fault.setWidth("min(24rem, 100%)");
        Button recorded = button("recording.desk.recorded", "day-recorded", () -> {
            DayDesks.Visit done = desk.recorded(visit.key(), fault.getValue());
            Notifications.success(getTranslation("outpost.day.recorded", done.fullName(), done.proofNumber()));
            clear();
        });
        recorded.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        Checkbox technical = new Checkbox(getTranslation("recording.desk.technical"));
        Button failed = button("recording.desk.failed", "day-failed", () -> {
            // A refusal keeps the dialog open with the reason typed: the step is not wrapped in act().
            ReasonDialog dialog = new ReasonDialog(getTranslation("recording.desk.failed-title", visit.ticket()),
                    getTranslation("recording.desk.send-back"), 300, reason -> {
                        desk.failed(visit.key(), reason, technical.getValue());
                        Notifications.success(getTranslation("recording.desk.sent-back", visit.ticket()));
                        clear();
                        changed.run();
                        refresh();
                    });
            dialog.add(technical);
            dialog.open();
        });
        OpensDialog.button(failed);
        failed.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button recall = button("recording.desk.recall", "day-recall", () -> {
            desk.recall(visit.key());
            Notifications.success(getTranslation("outpost.day.recalled", visit.ticket()));
        });
        Button gone = button("recording.desk.absent-action", "day-absent", () -> {
            desk.absent(visit.key());
            Notifications.success(getTranslation("recording.desk.absent-done", visit.ticket()));
            clear();
        });
        HorizontalLayout actions = new HorizontalLayout(recorded, failed, recall, gone);
        actions.setWrap(true);
        current.add(ticket, who, actions, fault);
    }

    /** The proof to print and hand over with the documents (SOP C step 3): the Dinas's own form. */
    private DownloadResponse proof(DayDesks.Visit visit) {
        byte[] pdf = desk.proof(visit.key());
        return new DownloadResponse(new ByteArrayInputStream(pdf), "bukti-perekaman-" + visit.proofNumber() + ".pdf",
                "application/pdf", pdf.length);
    }

    private void clear() {
        called = null;
        callNext.setEnabled(true);
        current.removeAll();
    }

    private Button button(String label, String id, Runnable action) {
        Button button = new Button(getTranslation(label));
        button.setId(id);
        button.addClickListener(click -> act(action));
        return button;
    }

    private void act(Runnable action) {
        try {
            action.run();
            changed.run();
        } catch (RuleViolation refused) {
            Notifications.error(refused);
        }
        refresh();
    }
}

package id.dukcapil.portal.schoolvisit.ui;

import static id.dukcapil.portal.shared.ui.Notifications.unlessRefused;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.dukcapil.portal.schoolvisit.BirthdayPrintQueue;
import id.dukcapil.portal.schoolvisit.EnrolmentAnswers;
import id.dukcapil.portal.schoolvisit.Handover;
import id.dukcapil.portal.schoolvisit.HandoverDocuments;
import id.dukcapil.portal.schoolvisit.Handovers;
import id.dukcapil.portal.schoolvisit.OpenHandover;
import id.dukcapil.portal.schoolvisit.OutpostHolds;
import id.dukcapil.portal.schoolvisit.QueuedCard;
import id.dukcapil.portal.schoolvisit.School;
import id.dukcapil.portal.schoolvisit.Schools;
import id.dukcapil.portal.schoolvisit.EndReason;
import id.dukcapil.portal.schoolvisit.Student;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.schoolvisit.StudentState;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.ListedRows;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.RowActions;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * After the visits: today's birthday print queue (students 17 today or past it, not printed, per school) for the
 * printing operators, and the collective handover of a school's printed cards with its record and the school's
 * receipt.
 */
@Route("cetak-sekolah")
@RolesAllowed({Roles.PRINT_OPERATOR, Roles.FIELD_OFFICER})
@Menu(title = "nav.schoolvisit.queue", order = 67, icon = "vaadin:print")
class PrintQueueView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(VaadinTexts.DATE_FORMAT);

    final Grid<QueuedCard> queue = new Grid<>();
    final Grid<OpenHandover> open = new Grid<>();
    final ComboBox<School> school = new ComboBox<>();
    final Div handoverPanel = new Div();
    final Button prepare = new Button();
    private final OutpostHolds holds;
    @Nullable HandoverReceipt receipt;
    /** Each row keeps its data key while listed: what a click on its button names (decision 163). */
    private final ListedRows<OpenHandover> openRows = ListedRows.of(open, OpenHandover::id);
    private final BirthdayPrintQueue printQueue;
    private final EnrolmentAnswers enrolment;
    private final Handovers handovers;
    private final HandoverDocuments documents;
    private final Clock clock;

    private final CurrentRoles roles;

    PrintQueueView(BirthdayPrintQueue printQueue, EnrolmentAnswers enrolment, Handovers handovers,
                   HandoverDocuments documents, Schools schools, Clock clock,
                   CurrentRoles roles, OutpostHolds holds) {
        this.roles = roles;
        this.holds = holds;
        this.printQueue = printQueue;
        this.clock = clock;
        this.enrolment = enrolment;
        this.handovers = handovers;
        this.documents = documents;
        setSizeFull();
        boolean printer = roles.hasAny(Role.PRINT_OPERATOR);
        queue.addColumn(QueuedCard::schoolName).setHeader(getTranslation("schoolvisit.column.school")).setFlexGrow(2)
                .setSortProperty("school");
        queue.addColumn(card -> card.student().fullName()).setHeader(getTranslation("schoolvisit.column.name"))
                .setFlexGrow(2).setSortProperty("name");
        queue.addColumn(card -> Nik.of(card.student().nik()).masked()).setHeader("NIK").setAutoWidth(true);
        queue.addColumn(card -> DATE.format(card.student().seventeenth()))
                .setHeader(getTranslation("schoolvisit.column.seventeenth")).setAutoWidth(true)
                .setSortProperty("seventeenth");
        if (printer) {
            actions().addTo(queue);
        }
        // A row keeps its key while queued, whatever else of it changes: what a click on its button names.
        queue.setItemsPageable(page -> printQueue.todayToAct(page).getContent())
                .setIdentifierProvider(card -> card.student().id());
        queue.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        queue.setEmptyStateText(getTranslation("schoolvisit.queue.empty"));
        queue.setId("queue-grid");
        queue.setMinHeight("14rem");

        school.setLabel(getTranslation("schoolvisit.column.school"));
        school.setItems(query -> schools.search(query.getFilter().orElse(""),
                org.springframework.data.domain.PageRequest.of(query.getPage(), query.getPageSize())).stream());
        school.setItemLabelGenerator(s -> s.name() + " (" + s.npsn() + ")");
        school.setId("handover-school");
        // A school chosen again (after the Kepala Dinas signed, say) reopens its record still waiting for receipt.
        school.addValueChangeListener(change -> {
            handoverPanel.removeAll();
            if (change.getValue() != null) {
                unlessRefused(() -> handovers.openOf(change.getValue().id()).stream().findFirst()
                        .ifPresent(record -> show(handovers.find(record.id()))));
            }
            // A school whose visit is out at an outpost: its handover waits for the visit (issue 53), said so.
            var away = change.getValue() == null ? null : holds.ofSchool(change.getValue().id()).orElse(null);
            prepare.setEnabled(away == null);
            if (away != null) {
                handoverPanel.add(OutLine.of(away, clock.getZone()));
            }
        });
        open.addColumn(OpenHandover::schoolName).setHeader(getTranslation("schoolvisit.column.school")).setFlexGrow(2);
        open.addColumn(OpenHandover::number).setHeader(getTranslation("schoolvisit.handover.column-number"))
                .setAutoWidth(true);
        open.addColumn(OpenHandover::cards).setHeader(getTranslation("schoolvisit.handover.column-cards"))
                .setAutoWidth(true).setFlexGrow(0);
        open.addColumn(this::openState).setHeader(getTranslation("schoolvisit.column.state")).setFlexGrow(2);
        // The record to look at while it waits for the signature; once signed, the receipt to record.
        RowActions.<OpenHandover>of(OpenHandover::id)
                .button("handover-open-", getTranslation("schoolvisit.handover.open-record"), record -> !record.signed(),
                        this::reopen)
                .button("handover-open-", getTranslation("schoolvisit.handover.open-receipt"), OpenHandover::signed,
                        this::reopen, ButtonVariant.LUMO_PRIMARY)
                .addTo(open);
        open.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        open.setEmptyStateText(getTranslation("schoolvisit.handover.none-open"));
        open.setId("handover-open");
        open.setAllRowsVisible(true);
        prepare.setText(getTranslation("schoolvisit.handover.prepare"));
        prepare.addClickListener(click -> prepare());
        prepare.setId("handover-prepare");
        HorizontalLayout handoverBar = new HorizontalLayout(school, prepare);
        handoverBar.setAlignItems(Alignment.BASELINE);
        handoverBar.setWrap(true);
        handoverPanel.setId("handover-panel");
        add(new H2(getTranslation("schoolvisit.queue.title")), queue,
                new H3(getTranslation("schoolvisit.handover.title")), open, handoverBar, handoverPanel);
        refresh();
    }

    void refresh() {
        queue.getDataProvider().refreshAll();
        refreshOpen();
    }

    private void refreshOpen() {
        openRows.show(handovers.open());
    }

    private void reopen(OpenHandover record) {
        unlessRefused(() -> show(handovers.find(record.id())));
    }

    private String openState(OpenHandover record) {
        return record.signed()
                ? getTranslation("schoolvisit.handover.waiting-receipt",
                        DATE.format(record.signedAt().atZone(clock.getZone())))
                : getTranslation("schoolvisit.handover.waiting-signature",
                        DATE.format(record.preparedAt().atZone(clock.getZone())));
    }

    /**
     * The row's next action, as the record's enrolment status makes it (decision 126): never a row with none. A record
     * that cannot be printed says why beside its "end".
     */
    private RowActions<QueuedCard> actions() {
        Predicate<QueuedCard> captured = status(EnrolmentStatus.BIOMETRICS_CAPTURED);
        Predicate<QueuedCard> awaitingAnswer = status(EnrolmentStatus.SENT_FOR_ENROLMENT);
        Predicate<QueuedCard> notPrintable = status(EnrolmentStatus.ENROLMENT_FAILED, EnrolmentStatus.DUPLICATE_RECORD);
        return RowActions.<QueuedCard>of(card -> card.student().id())
                .button("send-", getTranslation("schoolvisit.field.send"), captured, card -> unlessRefused(() -> {
                    enrolment.send(card.student().id());
                    Notifications.success(getTranslation("schoolvisit.queue.sent", card.student().fullName()));
                    refresh();
                }), ButtonVariant.LUMO_PRIMARY)
                .button("end-", getTranslation("schoolvisit.field.end"), notPrintable, card -> unlessRefused(() -> {
                    Student done = enrolment.notPrintable(card.student().id(), card.enrolmentStatus());
                    Notifications.success(getTranslation("schoolvisit.queue.not-printed", done.fullName(),
                            getTranslation(done.endReason() == null ? card.enrolmentStatus().labelKey()
                                    : done.endReason().labelKey())));
                    refresh();
                }))
                .button("ready-", getTranslation("schoolvisit.field.print-ready"), awaitingAnswer, card -> unlessRefused(() -> {
                    enrolment.printReady(card.student().id());
                    Notifications.success(getTranslation("schoolvisit.queue.ready", card.student().fullName()));
                    refresh();
                }), ButtonVariant.LUMO_PRIMARY)
                .button("failed-", getTranslation("schoolvisit.field.answer-failed"), awaitingAnswer, card -> unlessRefused(() -> {
                    enrolment.notPrintable(card.student().id(), EnrolmentStatus.ENROLMENT_FAILED);
                    Notifications.success(getTranslation("schoolvisit.queue.not-printed", card.student().fullName(),
                            getTranslation(EndReason.ENROLMENT_FAILED.labelKey())));
                    refresh();
                }), ButtonVariant.LUMO_TERTIARY)
                .button("print-", getTranslation("schoolvisit.field.print"),
                        captured.or(awaitingAnswer).or(notPrintable).negate(), this::print, ButtonVariant.LUMO_PRIMARY)
                .note(card -> notPrintable.test(card) ? getTranslation(card.enrolmentStatus().labelKey()) : null);
    }

    private static Predicate<QueuedCard> status(EnrolmentStatus first, EnrolmentStatus... more) {
        Set<EnrolmentStatus> statuses = EnumSet.of(first, more);
        return card -> statuses.contains(card.enrolmentStatus());
    }

    /** Step 7 starts as the card goes to the printer and ends when the operator has it in hand. */
    private void print(QueuedCard card) {
        unlessRefused(() -> {
            Student started = printQueue.startPrint(card.student().id());
            if (started.state() == StudentState.ENDED && started.endReason() != null) {
                Notifications.error(getTranslation("schoolvisit.queue.not-printed", started.fullName(),
                        getTranslation(started.endReason().labelKey())));
                refresh();
                return;
            }
            confirmPrinted(card);
        });
    }

    /** The card is at the printer: the operator says when it is out (step 7 ends), or leaves it for later. */
    private void confirmPrinted(QueuedCard card) {
        ConfirmDialog printing = new ConfirmDialog();
        printing.setId("print-confirm");
        printing.setHeader(getTranslation("schoolvisit.queue.printing", card.student().fullName()));
        printing.setText(getTranslation("schoolvisit.queue.printing-text"));
        printing.setCancelable(true);
        printing.setCancelText(getTranslation("schoolvisit.queue.printing-later"));
        printing.setConfirmText(getTranslation("schoolvisit.queue.printing-done"));
        printing.addConfirmListener(event -> unlessRefused(() -> {
            Student done = printQueue.print(card.student().id());
            if (done.state() == StudentState.ENDED && done.endReason() != null) {
                // Printed elsewhere meanwhile (or settled centrally): no second card, and the operator is told why.
                Notifications.error(getTranslation("schoolvisit.queue.not-printed", done.fullName(),
                        getTranslation(done.endReason().labelKey())));
            } else {
                Notifications.success(getTranslation("schoolvisit.queue.printed", card.student().fullName()));
            }
            refresh();
        }));
        printing.open();
    }

    void prepare() {
        if (school.getValue() == null) {
            Notifications.error(getTranslation("schoolvisit.handover.choose-school"));
            return;
        }
        unlessRefused(() -> {
            Handover handover = handovers.prepare(school.getValue().id());
            Notifications.success(getTranslation("schoolvisit.handover.prepared", handover.number(), handover.cards()));
            show(handover);
            refreshOpen();
        });
    }

    void show(Handover handover) {
        handoverPanel.removeAll();
        Anchor pdf = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = documents.pdf(handover.id());
            return new DownloadResponse(new ByteArrayInputStream(bytes), handover.number().replace('/', '-') + ".pdf",
                    "application/pdf", bytes.length);
        }), getTranslation("schoolvisit.handover.pdf"));
        pdf.setTarget(AnchorTarget.BLANK);
        pdf.setId("handover-pdf");
        handoverPanel.add(new Paragraph(getTranslation("schoolvisit.handover.line", handover.number(),
                handover.cards())), pdf);
        if (handover.received()) {
            handoverPanel.add(new Paragraph(getTranslation("schoolvisit.handover.received-line",
                    handover.receivedBy())));
            return;
        }
        if (!handover.signed()) {
            // Nothing to record yet: the record comes back here, in the list above, once signed.
            Paragraph waiting = new Paragraph(getTranslation("schoolvisit.handover.waiting-signature-note"));
            waiting.setId("handover-waiting-signature");
            handoverPanel.add(waiting);
            return;
        }
        receipt = new HandoverReceipt(handovers, handover, done -> {
            Notifications.success(getTranslation("schoolvisit.handover.received-done", done.number(),
                    done.receivedBy()));
            show(done);
            refreshOpen();
        });
        handoverPanel.add(receipt);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("schoolvisit.queue.title");
    }
}

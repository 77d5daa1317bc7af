package id.dukcapil.portal.schoolvisit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
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
import com.vaadin.flow.component.textfield.TextField;
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
import id.dukcapil.portal.schoolvisit.QueuedCard;
import id.dukcapil.portal.schoolvisit.School;
import id.dukcapil.portal.schoolvisit.Schools;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;

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
    final ComboBox<School> school = new ComboBox<>();
    final Div handoverPanel = new Div();
    private final BirthdayPrintQueue printQueue;
    private final EnrolmentAnswers enrolment;
    private final Handovers handovers;
    private final HandoverDocuments documents;

    PrintQueueView(BirthdayPrintQueue printQueue, EnrolmentAnswers enrolment, Handovers handovers,
                   HandoverDocuments documents, Schools schools) {
        this.printQueue = printQueue;
        this.enrolment = enrolment;
        this.handovers = handovers;
        this.documents = documents;
        setSizeFull();
        boolean printer = CurrentRoles.hasAny(Role.PRINT_OPERATOR);
        queue.addColumn(QueuedCard::schoolName).setHeader(getTranslation("schoolvisit.column.school")).setFlexGrow(2);
        queue.addColumn(card -> card.student().fullName()).setHeader(getTranslation("schoolvisit.column.name"))
                .setFlexGrow(2);
        queue.addColumn(card -> Nik.of(card.student().nik()).masked()).setHeader("NIK").setAutoWidth(true);
        queue.addColumn(card -> DATE.format(card.student().seventeenth()))
                .setHeader(getTranslation("schoolvisit.column.seventeenth")).setAutoWidth(true);
        if (printer) {
            queue.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        }
        queue.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        queue.setEmptyStateText(getTranslation("schoolvisit.queue.empty"));
        queue.setId("queue-grid");
        queue.setMinHeight("14rem");

        school.setLabel(getTranslation("schoolvisit.column.school"));
        school.setItems(query -> schools.search(query.getFilter().orElse(""),
                org.springframework.data.domain.PageRequest.of(query.getPage(), query.getPageSize())).stream());
        school.setItemLabelGenerator(s -> s.name() + " (" + s.npsn() + ")");
        school.setId("handover-school");
        school.addValueChangeListener(change -> handoverPanel.removeAll());
        Button prepare = new Button(getTranslation("schoolvisit.handover.prepare"), click -> prepare());
        prepare.setId("handover-prepare");
        HorizontalLayout handoverBar = new HorizontalLayout(school, prepare);
        handoverBar.setAlignItems(Alignment.BASELINE);
        handoverBar.setWrap(true);
        handoverPanel.setId("handover-panel");
        add(new H2(getTranslation("schoolvisit.queue.title")), queue,
                new H3(getTranslation("schoolvisit.handover.title")), handoverBar, handoverPanel);
        refresh();
    }

    void refresh() {
        queue.setItemsPageable(page -> printQueue.today(page).getContent());
    }

    private HorizontalLayout actions(QueuedCard card) {
        Button print = new Button(getTranslation("schoolvisit.field.print"), click -> act(() -> {
            printQueue.print(card.student().id());
            Notifications.success(getTranslation("schoolvisit.queue.printed", card.student().fullName()));
            refresh();
        }));
        print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        print.setId("print-" + card.student().id());
        Button ready = new Button(getTranslation("schoolvisit.field.print-ready"), click -> act(() -> {
            enrolment.printReady(card.student().id());
            Notifications.success(getTranslation("schoolvisit.queue.ready", card.student().fullName()));
        }));
        ready.setId("ready-" + card.student().id());
        ready.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(ready, print);
    }

    void prepare() {
        if (school.getValue() == null) {
            Notifications.error(getTranslation("schoolvisit.handover.choose-school"));
            return;
        }
        act(() -> {
            Handover handover = handovers.prepare(school.getValue().id());
            Notifications.success(getTranslation("schoolvisit.handover.prepared", handover.number(), handover.cards()));
            show(handover);
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
        TextField receiver = new TextField(getTranslation("schoolvisit.handover.receiver"));
        receiver.setMaxLength(Handover.RECEIVER_MAX_LENGTH);
        receiver.setId("handover-receiver");
        Button received = new Button(getTranslation("schoolvisit.handover.received"), click -> act(() -> {
            Handover done = handovers.received(handover.id(), receiver.getValue());
            Notifications.success(getTranslation("schoolvisit.handover.received-done", done.number(),
                    done.receivedBy()));
            show(done);
        }));
        received.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        received.setId("handover-received");
        HorizontalLayout row = new HorizontalLayout(receiver, received);
        row.setAlignItems(Alignment.BASELINE);
        row.setWrap(true);
        handoverPanel.add(row);
    }

    private static void act(Runnable action) {
        try {
            action.run();
        } catch (RuleViolation violation) {
            Notifications.error(violation);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("schoolvisit.queue.title");
    }
}

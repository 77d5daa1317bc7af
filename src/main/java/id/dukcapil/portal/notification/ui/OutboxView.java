package id.dukcapil.portal.notification.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import id.dukcapil.portal.shared.Email;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.dukcapil.portal.shared.ui.FilterBar;
import id.dukcapil.portal.notification.MessageState;
import id.dukcapil.portal.notification.OutboxAdministration;
import id.dukcapil.portal.notification.OutboxFilter;
import id.dukcapil.portal.notification.OutboxMessage;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.FitText;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.RowActions;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * ADMIN: every e-mail the portal sent or is sending, newest first, with its state, attempts and the mail
 * server's last answer; a failed or uncertain one can be sent again, and a test e-mail checks the settings.
 */
@Route("outbox")
@RolesAllowed(Roles.ADMIN)
@Menu(title = "nav.outbox", order = 85, icon = "vaadin:envelopes-o")
class OutboxView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    final ComboBox<MessageState> state = new ComboBox<>();
    final TextField recipient = new TextField();
    final Grid<OutboxMessage> grid = new Grid<>();
    final EmailField testRecipient = new EmailField();
    final Button sendTest = new Button();
    final Button refresh = new Button();
    private final OutboxAdministration administration;
    private final Clock clock;

    OutboxView(OutboxAdministration administration, Clock clock) {
        this.administration = administration;
        this.clock = clock;
        setSizeFull();
        state.setId("outbox-state");
        recipient.setId("outbox-recipient");
        recipient.setMaxLength(Email.MAX_LENGTH); // a filter, not a form: bounded like the address it finds
        grid.setId("outbox-grid");
        testRecipient.setId("outbox-test-recipient");
        sendTest.setId("outbox-send-test");
        state.setLabel(getTranslation("notification.filter.state"));
        state.setItems(MessageState.values());
        state.setItemLabelGenerator(value -> getTranslation("notification.state." + value.name()));
        state.setClearButtonVisible(true);
        FitText.toItems(state);
        state.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        recipient.setLabel(getTranslation("notification.filter.recipient"));
        recipient.setValueChangeMode(ValueChangeMode.LAZY);
        recipient.setClearButtonVisible(true);
        recipient.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        refresh.setText(getTranslation("notification.refresh"));
        refresh.setIcon(VaadinIcon.REFRESH.create());
        refresh.addClickListener(click -> grid.getDataProvider().refreshAll());

        grid.addColumn(OutboxMessage::id).setHeader("#").setAutoWidth(true).setFlexGrow(0).setSortProperty("id");
        grid.addColumn(message -> time(message.createdAt())).setHeader(getTranslation("notification.column.created"))
                .setAutoWidth(true).setFlexGrow(0).setSortProperty("id");
        grid.addColumn(OutboxMessage::recipient).setHeader(getTranslation("notification.column.recipient")).setFlexGrow(1);
        grid.addColumn(OutboxMessage::subject).setHeader(getTranslation("notification.column.subject")).setFlexGrow(2);
        // A width of its own, not the first page's: a state the first rows lack ("Gagal", "Failed") is not cut later.
        grid.addComponentColumn(this::stateBadge).setHeader(getTranslation("notification.column.state")).setWidth("9em")
                .setFlexGrow(0);
        grid.addColumn(message -> getTranslation("notification.channel." + message.channel().name())
                        + (message.delivery() == null ? "" : " · " + getTranslation("notification.delivery." + message.delivery())))
                .setHeader(getTranslation("notification.column.channel")).setAutoWidth(true);
        grid.addColumn(OutboxMessage::attempts).setHeader(getTranslation("notification.column.attempts"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(message -> message.state() == MessageState.RETRY || message.state() == MessageState.PENDING
                ? time(message.nextAttemptAt()) : time(message.sentAt()))
                .setHeader(getTranslation("notification.column.when")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::answer).setHeader(getTranslation("notification.column.answer")).setFlexGrow(2);
        // A width of its own (decision 127): measured from the rows first drawn, the column was as narrow as a row
        // without the button when the newest messages were all sent.
        RowActions.<OutboxMessage>of(OutboxMessage::id)
                .button("send-again-", getTranslation("notification.send-again"), VaadinIcon.REPLY,
                        message -> message.state().resendable(), this::sendAgain)
                .addTo(grid).setAutoWidth(false).setWidth("10em");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        // A row keeps its key while listed, whatever else of it changes: what a click on its button names.
        grid.setItemsPageable(page -> administration.page(filter(), page).getContent())
                .setIdentifierProvider(OutboxMessage::id);
        grid.setSizeFull();

        testRecipient.setLabel(getTranslation("notification.test.recipient"));
        sendTest.setText(getTranslation("notification.test.send"));
        sendTest.setIcon(VaadinIcon.PAPERPLANE_O.create());
        sendTest.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        sendTest.addClickListener(click -> sendTest());

        add(new FilterBar(state, recipient, refresh, testRecipient, sendTest), grid);
    }

    OutboxFilter filter() {
        return OutboxFilter.empty().withState(state.getValue()).withRecipient(recipient.getValue());
    }

    private Component stateBadge(OutboxMessage message) {
        Span badge = new Span(getTranslation("notification.state." + message.state().name()));
        String theme = switch (message.state()) {
            case SENT -> "badge success";
            case FAILED, UNCERTAIN -> "badge error";
            case RETRY, REPLACED -> "badge contrast";
            case PENDING, SENDING -> "badge";
        };
        badge.getElement().getThemeList().add(theme);
        badge.getStyle().set("white-space", "normal"); // a long state wraps at its spaces within the column
        return badge;
    }

    /** The server's answer in the reader's words; its own words, often English, in the tooltip for the admin. */
    private Component answer(OutboxMessage message) {
        ServerAnswers.Words words = ServerAnswers.of(message.state(), message.lastAnswer());
        Span answer = new Span(words == null ? "" : getTranslation(words.key(), words.code()));
        answer.addClassName("outbox-answer");
        if (words != null) {
            answer.setTitle(getTranslation("notification.answer.raw", message.lastAnswer()));
        }
        return answer;
    }

    private void sendAgain(OutboxMessage message) {
        try {
            administration.sendAgain(message.id());
            Notifications.success(getTranslation("notification.send-again.done", message.recipient()));
        } catch (RuleViolation violation) {
            Notifications.error(violation);
        }
        grid.getDataProvider().refreshAll();
    }

    private void sendTest() {
        try {
            administration.sendTestMessage(testRecipient.getValue(), getLocale());
            Notifications.success(getTranslation("notification.test.queued", testRecipient.getValue()));
            grid.getDataProvider().refreshAll();
        } catch (RuleViolation violation) {
            Notifications.error(violation);
        }
    }

    private String time(@Nullable Instant at) {
        return at == null ? "" : TIME.format(at.atZone(clock.getZone()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.outbox") + " · Dukcapil Portal";
    }
}

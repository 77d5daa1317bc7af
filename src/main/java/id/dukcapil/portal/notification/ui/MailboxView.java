package id.dukcapil.portal.notification.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.dukcapil.portal.notification.demo.DemoMail;
import id.dukcapil.portal.notification.demo.DemoMailbox;
import id.dukcapil.portal.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;

/**
 * The demo profile's mailbox: what the outbox would have sent to a mail server, so a demo user can read the
 * OTP or open the ticket. Registered only when the demo mailbox is the transport ({@link MailboxRoute}).
 */
@Route(value = "mailbox", registerAtStartup = false)
@RolesAllowed(Roles.ADMIN)
@Menu(title = "nav.mailbox", order = 86, icon = "vaadin:inbox")
class MailboxView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    final TextField recipient = new TextField();
    final Grid<DemoMail> grid = new Grid<>();
    final Div reader = new Div();

    MailboxView(DemoMailbox mailbox, Clock clock) {
        setSizeFull();
        recipient.setId("mailbox-recipient");
        grid.setId("mailbox-grid");
        reader.setId("mailbox-reader");
        Paragraph explanation = new Paragraph(getTranslation("notification.mailbox.explanation"));
        recipient.setPlaceholder(getTranslation("notification.filter.recipient"));
        recipient.setPrefixComponent(VaadinIcon.SEARCH.create());
        recipient.setValueChangeMode(ValueChangeMode.LAZY);
        recipient.setClearButtonVisible(true);
        recipient.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        grid.addColumn(mail -> TIME.format(mail.deliveredAt().atZone(clock.getZone())))
                .setHeader(getTranslation("notification.column.delivered")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(DemoMail::recipient).setHeader(getTranslation("notification.column.recipient")).setFlexGrow(1);
        grid.addColumn(DemoMail::subject).setHeader(getTranslation("notification.column.subject")).setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setItemsPageable(page -> mailbox.page(recipient.getValue(), page).getContent());
        grid.asSingleSelect().addValueChangeListener(change -> show(change.getValue()));
        grid.setSizeFull();

        reader.addClassName("mail-reader");
        reader.setWidth("40%");
        HorizontalLayout content = new HorizontalLayout(grid, reader);
        content.setSizeFull();
        add(explanation, recipient, content);
    }

    private void show(DemoMail mail) {
        reader.removeAll();
        if (mail == null) {
            return;
        }
        reader.add(new H3(mail.subject()), new Span(mail.recipient() + " · " + mail.messageId()));
        Pre body = new Pre(mail.body());
        body.setId("mail-body");
        body.getStyle().set("white-space", "pre-wrap");
        reader.add(body);
        for (String attachment : mail.attachments()) {
            reader.add(new Paragraph("📎 " + attachment));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.mailbox") + " · Dukcapil Portal";
    }
}

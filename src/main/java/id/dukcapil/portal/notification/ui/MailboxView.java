package id.dukcapil.portal.notification.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import id.dukcapil.portal.shared.Email;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.dukcapil.portal.notification.demo.DemoAttachment;
import id.dukcapil.portal.notification.demo.DemoMail;
import id.dukcapil.portal.notification.demo.DemoMailbox;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.ui.Downloads;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Set;

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
    private static final Set<String> OPENS_IN_A_TAB = Set.of("application/pdf", "image/png", "image/jpeg");
    private final DemoMailbox mailbox;

    MailboxView(DemoMailbox mailbox, Clock clock) {
        this.mailbox = mailbox;
        setSizeFull();
        recipient.setId("mailbox-recipient");
        recipient.setMaxLength(Email.MAX_LENGTH); // a filter, not a form: bounded like the address it finds
        grid.setId("mailbox-grid");
        reader.setId("mailbox-reader");
        Paragraph explanation = new Paragraph(getTranslation("notification.mailbox.explanation"));
        recipient.setPlaceholder(getTranslation("notification.filter.recipient"));
        recipient.setPrefixComponent(VaadinIcon.SEARCH.create());
        recipient.setValueChangeMode(ValueChangeMode.LAZY);
        recipient.setClearButtonVisible(true);
        recipient.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        grid.addColumn(mail -> TIME.format(mail.deliveredAt().atZone(clock.getZone())))
                .setHeader(getTranslation("notification.column.delivered")).setAutoWidth(true).setFlexGrow(0)
                .setSortProperty("delivered");
        grid.addColumn(DemoMail::recipient).setHeader(getTranslation("notification.column.recipient")).setFlexGrow(1)
                .setSortProperty("recipient");
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
        for (DemoAttachment attachment : mail.attachments()) {
            reader.add(new Paragraph(download(mail, attachment)));
        }
    }

    /**
     * The attachment read from the stored message when clicked. A PDF or an image opens in a new tab; anything else
     * is saved, never shown inline on the portal's own address.
     */
    private Anchor download(DemoMail mail, DemoAttachment attachment) {
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> mailbox.attachment(mail.id(), attachment.index())
                .map(found -> new DownloadResponse(found.content(), found.attachment().fileName(),
                        found.attachment().contentType(), -1))
                .orElseGet(() -> DownloadResponse.error(404)), Downloads.safe(attachment.fileName()));
        boolean opens = OPENS_IN_A_TAB.contains(attachment.contentType());
        Anchor link = new Anchor(handler, opens ? AttachmentType.INLINE : AttachmentType.DOWNLOAD,
                "📎 " + attachment.fileName());
        if (opens) {
            link.setTarget(AnchorTarget.BLANK);
        }
        link.setId("attachment-" + mail.id() + "-" + attachment.index());
        return link;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.mailbox") + " · Dukcapil Portal";
    }
}

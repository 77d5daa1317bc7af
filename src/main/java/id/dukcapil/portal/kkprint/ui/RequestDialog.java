package id.dukcapil.portal.kkprint.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import id.dukcapil.portal.kkprint.HistoryEntry;
import id.dukcapil.portal.kkprint.KkDelivery;
import id.dukcapil.portal.kkprint.KkRequests;
import id.dukcapil.portal.kkprint.RequestDetail;
import id.dukcapil.portal.kkprint.RequestState;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.signing.SignableDocuments.Detail;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** A request's details, its family with each member's SHDK, and full history; for a delivered one, a new PIN or a revocation. */
class RequestDialog extends Dialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    final Button resend = new Button();
    final Button revoke = new Button();
    final TextField revokeReason = new TextField();
    /** The revocation's reason, checked at the field before the request is touched. */
    private final Binder<ReasonForm> reasonForm = new Binder<>(ReasonForm.class);

    final Grid<Detail> family = new Grid<>();
    final Grid<HistoryEntry> history = new Grid<>();
    private final Button closeButton = new Button();

    /** @param familyDetails the family as the registry has it now, each member with SHDK (empty if not found) */
    RequestDialog(RequestDetail detail, List<Detail> familyDetails, KkDelivery delivery, ZoneId zone,
                  Runnable onChange, CurrentRoles roles) {
        setHeaderTitle(detail.row().trackingNumber() + " · " + getTranslation(detail.row().state().labelKey()));
        closeButton.setText(getTranslation("kkprint.close"));
        closeButton.addClickListener(click -> close());
        setWidth("min(900px, 95vw)");
        add(new Paragraph(getTranslation("kkprint.detail.requester", detail.row().requesterName(),
                detail.requesterNik(), detail.row().kkNumber())));
        add(new Paragraph(getTranslation(detail.row().reason().labelKey()) + (detail.description().isBlank() ? ""
                : " — " + detail.description())));
        contact(detail.contact()).ifPresent(this::add);
        detail.release().ifPresent(release -> add(new Paragraph(getTranslation("kkprint.detail.release",
                getTranslation(release.labelKey())))));
        if (!familyDetails.isEmpty()) {
            family.addColumn(Detail::label).setHeader(getTranslation("kkprint.detail.family")).setFlexGrow(1);
            family.addColumn(Detail::value).setFlexGrow(2);
            family.setItems(familyDetails);
            family.setAllRowsVisible(true);
            add(family);
        }
        history.setId("request-history");
        history.addColumn(entry -> TIME.format(entry.at().atZone(zone))).setHeader(getTranslation("kkprint.column.at"))
                .setAutoWidth(true);
        history.addColumn(entry -> actor(entry.actor())).setHeader(getTranslation("kkprint.column.by"))
                .setAutoWidth(true);
        history.addColumn(entry -> (entry.from() == null ? "" : getTranslation(entry.from().labelKey()) + " → ")
                + getTranslation(entry.to().labelKey())).setHeader(getTranslation("kkprint.column.state"));
        history.addColumn(entry -> entry.reason() == null ? "" : entry.reason())
                .setHeader(getTranslation("kkprint.column.reason"));
        history.setItems(detail.history());
        history.setAllRowsVisible(true);
        add(history);

        boolean delivered = detail.row().state() == RequestState.DELIVERED
                || detail.row().state() == RequestState.PRINTED;
        resend.setText(getTranslation("kkprint.action.resend"));
        resend.setVisible(delivered && roles.hasAny(Role.OPERATOR, Role.ADMIN));
        resend.addClickListener(click -> act(() -> delivery.resend(detail.row().id()), "kkprint.done.resent", onChange));
        revokeReason.setPlaceholder(getTranslation("kkprint.field.reason-text"));
        revokeReason.setMaxLength(KkRequests.REASON_MAX_LENGTH);
        reasonForm.forField(revokeReason).withValidator(BeanRule.of(ReasonForm.class, "reason")).bind("reason");
        reasonForm.readRecord(ReasonForm.empty());
        revokeReason.setVisible(detail.row().state() == RequestState.DELIVERED);
        revoke.setText(getTranslation("kkprint.action.revoke"));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revoke.setVisible(detail.row().state() == RequestState.DELIVERED);
        revoke.addClickListener(click -> {
            Optional<ReasonForm> written = BoundForms.record(reasonForm);
            if (written.isEmpty()) {
                return; // the field says what is wrong
            }
            ReasonForm form = written.get();
            act(() -> delivery.revoke(detail.row().id(), form.reason()), "kkprint.done.revoked", onChange);
        });
        getFooter().add(revokeReason, revoke, resend, closeButton);
    }

    /** The inbox's own actions on the request, before the others in the footer. */
    void addActions(List<Button> actions) {
        getFooter().removeAll();
        actions.forEach(getFooter()::add);
        getFooter().add(revokeReason, revoke, resend, closeButton);
    }

    /** Who acted, in words: an API client by its kind ("ikd-gateway:1" read as such before), anyone else by name. */
    private String actor(String id) {
        if (id.startsWith("ikd-gateway:")) {
            return getTranslation("kkprint.actor.ikd-gateway");
        }
        if (id.startsWith("kiosk:")) {
            return getTranslation("kkprint.actor.kiosk");
        }
        return id;
    }

    /** Where the news goes: the channel chosen and, beside a phone, the mailbox that alone gets the QR code and PIN. */
    private Optional<Paragraph> contact(RequestDetail.Contact contact) {
        if (contact.newsChannel() != Channel.EMAIL && contact.phone() != null) {
            return Optional.of(new Paragraph(getTranslation("kkprint.detail.contact.phone",
                    contact.newsChannel().displayName(), contact.phone(),
                    contact.email() == null ? "—" : contact.email())));
        }
        return Optional.ofNullable(contact.email())
                .map(email -> new Paragraph(getTranslation("kkprint.detail.contact.email", email)));
    }

    /**
     * Runs the action; refused (another officer changed the request meanwhile, or its state does not allow it), the
     * refusal is said in words and the dialog stays open with what was typed.
     */
    private void act(Runnable action, String doneKey, Runnable onChange) {
        Notifications.unlessRefused(() -> {
            action.run();
            Notifications.success(getTranslation(doneKey));
            close();
            onChange.run();
        });
    }
}

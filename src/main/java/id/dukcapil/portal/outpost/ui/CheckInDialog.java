package id.dukcapil.portal.outpost.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import id.dukcapil.portal.outpost.OutpostDesk;
import id.dukcapil.portal.outpost.OutpostTransfers;
import id.dukcapil.portal.outpost.TakenVisit;
import id.dukcapil.portal.outpost.ui.OutpostForms.CheckIn;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.EnterSubmits;
import id.dukcapil.portal.shared.ui.Notifications;
import java.util.function.Consumer;

/**
 * Sending the visit back to the Dinas: every step made here in one signed bundle, the blank cards brought back
 * (the cards left, unless some went missing), under the officer's own Dinas password. Refused or unreachable, the
 * dialog stays open and nothing here changes: sending again is safe.
 */
class CheckInDialog extends Dialog {

    final TextField username = new TextField();
    final PasswordField password = new PasswordField();
    final IntegerField cardsBack = new IntegerField();
    final Button send = new Button();
    final Button cancel = new Button();
    private final Binder<CheckIn> binder = new Binder<>(CheckIn.class);

    /** @param tried after a try that did not bring the visit back: the screen shows where it stands */
    CheckInDialog(OutpostDesk desk, OutpostTransfers transfers, TakenVisit visit, Consumer<TakenVisit> done,
                  Runnable tried) {
        setHeaderTitle(getTranslation("outpost.check-in.title"));
        setWidth("min(34rem, 100vw)");
        Paragraph text = new Paragraph(getTranslation("outpost.check-in.text", visit.waiting(),
                visit.dinas().toString(), visit.cardsLeft()));
        username.setLabel(getTranslation("outpost.take.username"));
        username.setId("outpost-check-in-username");
        username.setMaxLength(40);
        password.setLabel(getTranslation("outpost.take.password"));
        password.setId("outpost-check-in-password");
        password.setMaxLength(200);
        password.setAutofocus(true);
        cardsBack.setLabel(getTranslation("outpost.check-in.cards-back"));
        cardsBack.setId("outpost-check-in-cards");
        cardsBack.setMin(0);
        cardsBack.setMax(visit.cardsOut());
        cardsBack.setStepButtonsVisible(true);
        binder.forField(username).withValidator(BeanRule.of(CheckIn.class, "username")).bind("username");
        binder.forField(password).withValidator(BeanRule.of(CheckIn.class, "password")).bind("password");
        binder.forField(cardsBack).withValidator(BeanRule.of(CheckIn.class, "cardsBack")).bind("cardsBack");
        String name = desk.officer();
        binder.readRecord(new CheckIn(name, "", visit.cardsLeft()));
        send.setText(getTranslation("outpost.check-in.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("outpost-check-in-send");
        send.setDisableOnClick(true); // one bundle on its way, not two
        send.addClickListener(click -> BoundForms.record(binder).ifPresentOrElse(form -> {
            try {
                TakenVisit back = transfers.checkIn(form.username(), form.password().toCharArray(),
                        form.cardsBack(), getLocale());
                password.clear();
                close();
                done.accept(back);
            } catch (RuleViolation refused) {
                send.setEnabled(true);
                Notifications.error(refused);
                tried.run();
            }
        }, () -> send.setEnabled(true)));
        EnterSubmits.on(send, username, password, cardsBack);
        cancel.setText(getTranslation("outpost.card.cancel"));
        cancel.addClickListener(click -> close());
        username.setWidthFull();
        password.setWidthFull();
        cardsBack.setWidthFull();
        add(text, username, password, cardsBack);
        getFooter().add(cancel, send);
    }
}

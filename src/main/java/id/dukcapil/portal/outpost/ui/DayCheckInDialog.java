package id.dukcapil.portal.outpost.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import id.dukcapil.portal.outpost.DayDesks;
import id.dukcapil.portal.outpost.DayTransfers;
import id.dukcapil.portal.outpost.ui.OutpostForms.Unlock;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.EnterSubmits;
import id.dukcapil.portal.shared.ui.Notifications;
import java.util.function.Consumer;

/**
 * Sending the day back to the Dinas: every step of the desks in one signed bundle, under a desk operator's own Dinas
 * username and password (the signed-in operator's name offered; the node's administrator types one when the day's
 * accounts closed past its time). Refused or unreachable, the dialog stays open and nothing here changes.
 */
class DayCheckInDialog extends Dialog {

    final TextField username = new TextField();
    final PasswordField password = new PasswordField();
    final Button send = new Button();
    final Button cancel = new Button();
    private final Binder<Unlock> binder = new Binder<>(Unlock.class);

    /** @param tried after a try that did not bring the day back: the screen shows where it stands */
    DayCheckInDialog(DayTransfers transfers, DayDesks.HeldDay day, String operator, Consumer<DayDesks.HeldDay> done,
                     Runnable tried) {
        setHeaderTitle(getTranslation("outpost.check-in.title"));
        setWidth("min(34rem, 100vw)");
        username.setLabel(getTranslation("outpost.take.username"));
        username.setId("day-check-in-username");
        username.setMaxLength(40);
        username.setWidthFull();
        password.setLabel(getTranslation("outpost.take.password"));
        password.setId("day-check-in-password");
        password.setMaxLength(200);
        password.setWidthFull();
        password.setAutofocus(true);
        binder.forField(username).withValidator(BeanRule.of(Unlock.class, "username")).bind("username");
        binder.forField(password).withValidator(BeanRule.of(Unlock.class, "password")).bind("password");
        binder.readRecord(new Unlock(operator, ""));
        send.setText(getTranslation("outpost.check-in.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("day-check-in-send");
        send.setDisableOnClick(true); // one bundle on its way, not two
        send.addClickListener(click -> BoundForms.record(binder).ifPresentOrElse(form -> {
            try {
                DayDesks.HeldDay back = transfers.checkIn(form.username(), form.password().toCharArray(),
                        getLocale());
                password.clear();
                close();
                done.accept(back);
            } catch (RuleViolation refused) {
                send.setEnabled(true);
                Notifications.error(refused);
                tried.run();
            }
        }, () -> send.setEnabled(true)));
        EnterSubmits.on(send, username, password);
        cancel.setText(getTranslation("outpost.card.cancel"));
        cancel.addClickListener(click -> close());
        add(new Paragraph(getTranslation("outpost.day.check-in-text", day.waiting())), username, password);
        getFooter().add(cancel, send);
    }
}

package id.dukcapil.portal.kkprint.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import id.dukcapil.portal.kkprint.KkRequests;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.Notifications;
import java.util.function.Consumer;

/** Asks for the reason of a return or rejection: the citizen reads it in the e-mail. */
class ReasonDialog extends Dialog {

    final TextArea reason = new TextArea();
    final Button confirm = new Button();

    ReasonDialog(String title, Consumer<String> action) {
        setHeaderTitle(title);
        reason.setLabel(getTranslation("kkprint.field.reason-text"));
        reason.setMaxLength(KkRequests.REASON_MAX_LENGTH);
        reason.setWidthFull();
        confirm.setText(title);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(click -> {
            try {
                action.accept(reason.getValue());
                close();
            } catch (RuleViolation refused) {
                Notifications.error(refused);
            }
        });
        add(reason);
        getFooter().add(new Button(getTranslation("kkprint.cancel"), click -> close()), confirm);
    }
}

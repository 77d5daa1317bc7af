package id.dukcapil.portal.signing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.signing.DocumentReturned;
import java.util.function.Consumer;

/**
 * Asks for the reason of a refusal (sending a document back, revoking a certificate) and acts on it. A refused
 * action keeps the dialog open with the reason typed.
 */
final class ReasonDialog {

    private ReasonDialog() {
    }

    /** @param action done with the typed reason; returns normally on success */
    static void open(Dialog dialog, String confirmLabel, Consumer<String> action) {
        TextArea reason = new TextArea(dialog.getTranslation("signing.return.reason"));
        reason.setMaxLength(DocumentReturned.REASON_MAX_LENGTH);
        reason.setWidth("30em");
        Button confirm = new Button(confirmLabel, click -> {
            try {
                action.accept(reason.getValue());
                dialog.close();
            } catch (RuleViolation violation) {
                Notifications.error(violation);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.add(reason);
        dialog.getFooter().add(new Button(dialog.getTranslation("signing.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }
}

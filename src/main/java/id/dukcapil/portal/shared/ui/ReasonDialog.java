package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import id.dukcapil.portal.shared.RuleViolation;
import java.util.function.Consumer;

/**
 * Asks for the reason of a refusal (a request returned or rejected, a document sent back, a certificate revoked)
 * and acts on it. No reason is told at the field; a refused action keeps the dialog open with the reason typed, and
 * the action's own message says why.
 */
public class ReasonDialog extends Dialog {

    public final TextArea reason = new TextArea();
    public final Button confirm = new Button();

    /**
     * @param maxLength the longest reason the action accepts
     * @param action    done with the typed reason; returns normally on success, throws a {@link RuleViolation} if
     *                  refused
     */
    public ReasonDialog(String title, String confirmLabel, int maxLength, Consumer<String> action) {
        setHeaderTitle(title);
        reason.setLabel(getTranslation("shared.reason"));
        reason.setMaxLength(maxLength);
        reason.setWidth("30em");
        reason.setMaxWidth("100%");
        confirm.setText(confirmLabel);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.addClickListener(click -> {
            if (reason.getValue().isBlank()) {
                // Said at the field, where the clerk types; the actions' own refusals are about the record.
                Notifications.at(reason, new RuleViolation("shared.reason.required", maxLength));
                return;
            }
            try {
                action.accept(reason.getValue());
                close();
            } catch (RuleViolation refused) {
                Notifications.error(refused);
            }
        });
        add(reason);
        getFooter().add(new Button(getTranslation("shared.cancel"), click -> close()), confirm);
    }
}

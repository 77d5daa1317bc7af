package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import id.dukcapil.portal.shared.RuleViolation;
import java.util.function.Consumer;

/**
 * Asks for the reason of a refusal (a request returned or rejected, a document sent back, a certificate revoked)
 * and acts on it. Bound to {@link TypedReason}: no reason, or one longer than the action takes, is told at the field
 * before the action is asked; a refused action keeps the dialog open with the reason typed, and the action's own
 * message says why (the service stays the judge of the reason too).
 */
public class ReasonDialog extends Dialog {

    public final TextArea reason = new TextArea();
    public final Button confirm = new Button();
    private final Binder<TypedReason> binder = new Binder<>(TypedReason.class);

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
        String words = getTranslation("shared.reason.required", maxLength);
        // The field's own length check (past the edge's maxlength) says it in the same words as the binder's.
        reason.setI18n(new TextArea.TextAreaI18n().setMaxLengthErrorMessage(words));
        binder.forField(reason).withValidator(BeanRule.<String>of(TypedReason.class, "reason").withArgs(maxLength))
                // The limit is the caller's, not the record's: checked here, in the same words.
                .withValidator(typed -> typed.strip().length() <= maxLength, words)
                .bind("reason");
        binder.readRecord(TypedReason.empty());
        confirm.addClickListener(click -> {
            TypedReason typed;
            try {
                typed = binder.writeRecord();
            } catch (ValidationException invalid) {
                reason.focus();
                return; // the field says what is wrong; nothing was done
            }
            try {
                action.accept(typed.reason());
                close();
            } catch (RuleViolation refused) {
                Notifications.error(refused);
            }
        });
        add(reason);
        getFooter().add(new Button(getTranslation("shared.cancel"), click -> close()), confirm);
    }
}

package id.dukcapil.portal.schoolvisit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import id.dukcapil.portal.schoolvisit.Reconciliations;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.Notifications;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * "Pakai versi Dinas": what it will do in words, the reason bound with {@link Binder}, the safe choice ("Batal") with
 * the focus and the action in red beside it (decision 177). A refusal keeps the dialog open with the reason typed.
 */
class KeepDinasDialog extends Dialog {

    final TextArea reason = new TextArea();
    final Button cancel = new Button();
    final Button keep = new Button();
    private final Binder<SettleForms.KeepReason> binder = new Binder<>(SettleForms.KeepReason.class);

    /** @param settle done with the typed reason; throws a {@link RuleViolation} if refused */
    KeepDinasDialog(String what, Consumer<String> settle) {
        setHeaderTitle(getTranslation("schoolvisit.reconcile.keep-title"));
        setWidth("min(36rem, 100vw)");
        Paragraph text = new Paragraph(getTranslation("schoolvisit.reconcile.keep-text", what));
        reason.setLabel(getTranslation("schoolvisit.reconcile.reason"));
        reason.setMaxLength(Reconciliations.REASON_MAX_LENGTH);
        reason.setWidthFull();
        reason.setId("reconcile-reason");
        String words = getTranslation("schoolvisit.error.reconciliation-reason", Reconciliations.REASON_MAX_LENGTH);
        reason.setI18n(new TextArea.TextAreaI18n().setMaxLengthErrorMessage(words));
        binder.forField(reason).withValidator(BeanRule.<String>of(SettleForms.KeepReason.class, "reason")
                .withArgs(Reconciliations.REASON_MAX_LENGTH)).bind("reason");
        binder.readRecord(new SettleForms.KeepReason(""));
        cancel.setText(getTranslation("schoolvisit.action.cancel"));
        cancel.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        cancel.setId("reconcile-cancel");
        cancel.setAutofocus(true); // the safe choice: Enter or a stray tap changes nothing
        cancel.addClickListener(click -> close());
        keep.setText(getTranslation("schoolvisit.reconcile.keep"));
        keep.addThemeVariants(ButtonVariant.LUMO_ERROR);
        keep.setId("reconcile-keep-confirm");
        keep.addClickListener(click -> {
            Optional<SettleForms.KeepReason> written = BoundForms.record(binder);
            if (written.isEmpty()) {
                return; // the field says what is missing; nothing was settled
            }
            try {
                settle.accept(written.get().reason());
                close();
            } catch (RuleViolation refused) {
                Notifications.error(refused);
            }
        });
        add(text, reason);
        getFooter().add(keep, cancel);
    }
}

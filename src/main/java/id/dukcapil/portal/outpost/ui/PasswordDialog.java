package id.dukcapil.portal.outpost.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.Binder;
import id.dukcapil.portal.outpost.ui.OutpostForms.Password;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.EnterSubmits;
import id.dukcapil.portal.shared.ui.Notifications;
import java.util.function.Consumer;

/** The signed-in officer's Dinas password for one action; Enter confirms, a refusal keeps the dialog open. */
class PasswordDialog extends Dialog {

    final PasswordField password = new PasswordField();
    final Button confirm = new Button();
    final Button cancel = new Button();
    private final Binder<Password> binder = new Binder<>(Password.class);

    /** @param done with the password typed; throws a {@link RuleViolation} if refused */
    PasswordDialog(String title, String text, String action, Consumer<char[]> done) {
        setHeaderTitle(title);
        setWidth("min(30rem, 100vw)");
        password.setLabel(getTranslation("outpost.take.password"));
        password.setId("outpost-dialog-password");
        password.setMaxLength(200);
        password.setWidthFull();
        password.setAutofocus(true);
        binder.forField(password).withValidator(BeanRule.of(Password.class, "password")).bind("password");
        binder.readRecord(new Password(""));
        confirm.setText(action);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("outpost-dialog-confirm");
        confirm.addClickListener(click -> BoundForms.record(binder).ifPresent(form -> {
            try {
                done.accept(form.password().toCharArray());
                close();
            } catch (RuleViolation refused) {
                Notifications.at(password, refused);
            }
        }));
        EnterSubmits.on(confirm, password);
        cancel.setText(getTranslation("outpost.card.cancel"));
        cancel.addClickListener(click -> close());
        add(new Paragraph(text), password);
        getFooter().add(cancel, confirm);
    }
}

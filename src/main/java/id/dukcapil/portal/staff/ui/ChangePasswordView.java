package id.dukcapil.portal.staff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import id.dukcapil.portal.shared.ui.BeanRule;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.dukcapil.portal.shared.ui.EnterSubmits;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.staff.MyAccount;
import id.dukcapil.portal.staff.PasswordPolicy;
import jakarta.annotation.security.PermitAll;

/**
 * Every signed-in user changes their own password here; after an admin's reset they are sent here first.
 */
@Route("password")
@PermitAll
@Menu(title = "nav.password", order = 90, icon = "vaadin:key")
class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    final PasswordField current = new PasswordField();
    final PasswordField newPassword = new PasswordField();
    final PasswordField repeat = new PasswordField();
    final Button save = new Button();
    private final MyAccount myAccount;
    private final Binder<PasswordChangeForm> binder = new Binder<>(PasswordChangeForm.class);

    ChangePasswordView(MyAccount myAccount) {
        this.myAccount = myAccount;
        setMaxWidth("36em");
        add(new H2(getTranslation("password.title")));
        if (myAccount.mustChangePassword()) {
            Paragraph forced = new Paragraph(getTranslation("password.must-change"));
            forced.addClassName("callout");
            forced.setId("must-change");
            add(forced);
        }
        current.setLabel(getTranslation("password.current"));
        newPassword.setLabel(getTranslation("password.new"));
        newPassword.setHelperText(getTranslation("password.rules", PasswordPolicy.MIN_LENGTH));
        newPassword.setMaxLength(PasswordPolicy.MAX_LENGTH);
        repeat.setLabel(getTranslation("password.repeat"));
        binder.forField(current).withValidator(BeanRule.of(PasswordChangeForm.class, "current")).bind("current");
        binder.forField(newPassword).withValidator(BeanRule.of(PasswordChangeForm.class, "newPassword"))
                .bind("newPassword");
        binder.forField(repeat).withValidator(BeanRule.of(PasswordChangeForm.class, "repeat"))
                .withValidator(typed -> typed.equals(newPassword.getValue()),
                        getTranslation("password.error.mismatch"))
                .bind("repeat");
        binder.readBean(PasswordChangeForm.empty());
        save.setText(getTranslation("password.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        EnterSubmits.on(save, current, newPassword, repeat);
        save.addClickListener(click -> save());
        FormLayout form = new FormLayout(current, newPassword, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form, save);
        current.focus();
    }

    private void save() {
        PasswordChangeForm typed;
        try {
            typed = binder.writeRecord();
        } catch (ValidationException invalid) {
            return; // each field says what is wrong; nothing was changed
        }
        try {
            myAccount.changePassword(typed.current(), typed.newPassword());
            binder.readBean(PasswordChangeForm.empty());
            Notifications.success(getTranslation("password.changed"));
            getUI().ifPresent(ui -> ui.navigate(""));
        } catch (RuleViolation violation) {
            PasswordField field = violation.messageKeys().contains("password.error.current-wrong") ? current : newPassword;
            field.setErrorMessage(Notifications.text(violation));
            field.setInvalid(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.title") + " · Dukcapil Portal";
    }
}

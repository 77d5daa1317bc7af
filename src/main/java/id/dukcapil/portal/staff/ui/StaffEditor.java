package id.dukcapil.portal.staff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.StaffAccount;
import id.dukcapil.portal.staff.StaffAdministration;
import id.dukcapil.portal.staff.StaffForm;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Creates or edits one staff account. Saving an account someone else changed since it was opened is refused
 * with a message, never silently overwriting their change.
 */
class StaffEditor extends Dialog {

    final TextField username = new TextField();
    final TextField fullName = new TextField();
    final EmailField email = new EmailField();
    final TextField nip = new TextField();
    final ComboBox<ServicePoint> servicePoint = new ComboBox<>();
    final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    final Checkbox active = new Checkbox();
    final Button save = new Button();
    final Button resetPassword = new Button();
    final Button unlock = new Button();
    private final Binder<StaffForm> binder = new Binder<>(StaffForm.class);

    StaffEditor(StaffAdministration administration, List<ServicePoint> servicePoints, @Nullable StaffAccount account,
                Consumer<StaffAccount> onSaved) {
        setHeaderTitle(getTranslation(account == null ? "staff.create" : "staff.edit"));
        setWidth("min(48em, 100vw)");

        username.setLabel(getTranslation("staff.username"));
        username.setMaxLength(StaffForm.USERNAME_MAX_LENGTH);
        username.setHelperText(getTranslation("staff.username.help"));
        fullName.setLabel(getTranslation("staff.full-name"));
        fullName.setMaxLength(StaffForm.FULL_NAME_MAX_LENGTH);
        email.setLabel(getTranslation("staff.email"));
        email.setMaxLength(StaffForm.EMAIL_MAX_LENGTH);
        nip.setLabel(getTranslation("staff.nip"));
        nip.setMaxLength(18);
        servicePoint.setLabel(getTranslation("staff.service-point"));
        servicePoint.setItems(servicePoints);
        servicePoint.setItemLabelGenerator(ServicePoint::name);
        roles.setLabel(getTranslation("staff.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(role -> getTranslation(role.labelKey()));
        active.setLabel(getTranslation("staff.active"));

        binder.forField(username).asRequired(getTranslation("validation.required"))
                .withValidator(value -> value.strip().toLowerCase(java.util.Locale.ROOT).matches(StaffForm.USERNAME_PATTERN)
                        && value.strip().length() >= StaffForm.USERNAME_MIN_LENGTH,
                        getTranslation("staff.username.invalid"))
                .bind("username");
        binder.forField(fullName).asRequired(getTranslation("validation.required")).bind("fullName");
        binder.forField(email).withValidator(value -> value == null || value.isBlank()
                        || id.dukcapil.portal.shared.Email.isValid(value),
                getTranslation(id.dukcapil.portal.shared.Email.INVALID)).bind("email");
        binder.forField(nip).withValidator(value -> value == null || value.matches(StaffForm.NIP_PATTERN),
                getTranslation("staff.nip.invalid")).bind("nip");
        binder.forField(servicePoint).asRequired(getTranslation("validation.required"))
                .withConverter(ServicePoint::id, id -> id == null ? null
                        : servicePoints.stream().filter(point -> point.id() == id).findFirst().orElse(null))
                .bind("servicePointId");
        binder.forField(roles).asRequired(getTranslation("staff.roles.required")).bind("roles");
        binder.forField(active).bind("active");

        FormLayout form = new FormLayout(username, fullName, email, nip, servicePoint, active, roles);
        form.setColspan(roles, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(form);

        if (account == null) {
            binder.readBean(new StaffForm("", "", null, null, null, Set.of(), true));
        } else {
            binder.readBean(StaffForm.of(account));
        }

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save(administration, account, onSaved));
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(cancel, save);

        if (account != null) {
            resetPassword.setText(getTranslation("staff.reset-password"));
            resetPassword.addClickListener(click -> {
                String temporary;
                try {
                    temporary = administration.resetPassword(account.id());
                } catch (RuleViolation refused) { // the administrator's own account: the password page changes it
                    Notifications.error(refused);
                    return;
                }
                showTemporaryPassword(account.username(), temporary);
                onSaved.accept(account);
                close();
            });
            unlock.setText(getTranslation("staff.unlock"));
            unlock.addClickListener(click -> {
                administration.unlock(account.id());
                Notifications.success(getTranslation("staff.unlocked", account.username()));
                onSaved.accept(account);
                close();
            });
            getFooter().addComponentAtIndex(0, resetPassword);
            getFooter().addComponentAtIndex(1, unlock);
        }
    }

    private void save(StaffAdministration administration, @Nullable StaffAccount account, Consumer<StaffAccount> onSaved) {
        try {
            StaffForm form = binder.writeRecord();
            if (account == null) {
                var created = administration.create(form);
                showTemporaryPassword(created.account().username(), created.temporaryPassword());
                onSaved.accept(created.account());
            } else {
                onSaved.accept(administration.update(account.id(), account.version(), form));
                Notifications.success(getTranslation("staff.saved", form.username()));
            }
            close();
        } catch (ValidationException invalid) {
            // The fields show what is wrong.
        } catch (RuleViolation violation) {
            Notifications.error(violation);
        }
    }

    /** The only time anyone sees the temporary password: the admin passes it on, the user must change it. */
    private void showTemporaryPassword(String username, String password) {
        Dialog shown = new Dialog();
        shown.setHeaderTitle(getTranslation("staff.temporary-password.title"));
        Span value = new Span(password);
        value.addClassName("temporary-password");
        value.setId("temporary-password");
        shown.add(new Paragraph(getTranslation("staff.temporary-password.text", username)), value);
        Button ok = new Button(getTranslation("action.close"), click -> shown.close());
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        shown.getFooter().add(ok);
        shown.open();
    }
}

package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.dukcapil.portal.shared.ui.EnterSubmits;
import id.dukcapil.portal.booking.CitizenAccounts;
import id.dukcapil.portal.booking.Registration;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.staff.PasswordPolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Registration (SOP A step 3): full name, e-mail, phone, password; then the OTP form. */
@Route(value = "bds/daftar", autoLayout = false)
@AnonymousAllowed
class BdsRegisterView extends BdsPage {

    final TextField fullName = new TextField();
    final EmailField email = new EmailField();
    final TextField phone = new TextField();
    final PasswordField password = new PasswordField();
    final Button register = new Button();

    BdsRegisterView(CitizenAccounts accounts, Clock clock) {
        super(clock);
        step(SopStep.A3_REGISTER);
        fullName.setId("bds-full-name");
        email.setId("bds-email");
        phone.setId("bds-phone");
        password.setId("bds-password");
        register.setId("bds-register");
        fullName.setLabel(getTranslation("bds.full-name"));
        fullName.setMaxLength(Registration.NAME_MAX_LENGTH);
        fullName.setPattern(Registration.NAME_PATTERN);
        fullName.setErrorMessage(getTranslation("booking.account.name", 0, Registration.NAME_MAX_LENGTH));
        email.setLabel(getTranslation("bds.email"));
        email.setMaxLength(Registration.EMAIL_MAX_LENGTH);
        phone.setLabel(getTranslation("bds.phone"));
        phone.setMaxLength(Registration.PHONE_MAX_LENGTH);
        password.setLabel(getTranslation("bds.password"));
        password.setHelperText(getTranslation("bds.password.rules", PasswordPolicy.MIN_LENGTH));
        register.setText(getTranslation("bds.register"));
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.addClickListener(click -> {
            try {
                String attempt = accounts.register(new Registration(fullName.getValue(), email.getValue(),
                        phone.getValue(), password.getValue()), getLocale(), clientAddress());
                new PendingRegistration(email.getValue().strip(), attempt).keep();
                getUI().ifPresent(ui -> ui.navigate(BdsOtpView.class,
                        QueryParameters.simple(Map.of("email", email.getValue().strip()))));
            } catch (RuleViolation violation) {
                if (!markFields(violation)) {
                    Notifications.error(violation);
                }
            }
        });
        for (var field : new com.vaadin.flow.component.HasSize[] {fullName, email, phone, password, register}) {
            field.setWidthFull();
        }
        EnterSubmits.on(register, fullName, email, phone, password);
        show(new H2(getTranslation("bds.register")), fullName, email, phone, password, register,
                new Paragraph(getTranslation("bds.register.hint")));
    }

    /**
     * Each broken rule under its own field, the first such field focused: a toast over the form named one error of
     * several and hid the fields for two seconds. Answers false when no rule is a field's (a throttle, say).
     */
    boolean markFields(RuleViolation violation) {
        Map<HasValidationProperties, List<String>> byField = new LinkedHashMap<>();
        for (String key : violation.messageKeys()) {
            HasValidationProperties field = switch (key) {
                case "booking.account.name" -> fullName;
                case "booking.account.email" -> email;
                case "booking.account.phone" -> phone;
                default -> key.startsWith("password.rule.") ? password : null;
            };
            if (field != null) {
                byField.computeIfAbsent(field, any -> new ArrayList<>()).add(getTranslation(key, violation.args()));
            }
        }
        for (HasValidationProperties field : List.of(fullName, email, phone, password)) {
            List<String> messages = byField.get(field);
            if (messages != null) {
                field.setErrorMessage(String.join(" ", messages));
            }
            field.setInvalid(messages != null);
        }
        byField.keySet().stream().findFirst().ifPresent(field -> ((Focusable<?>) field).focus());
        return !byField.isEmpty();
    }
}

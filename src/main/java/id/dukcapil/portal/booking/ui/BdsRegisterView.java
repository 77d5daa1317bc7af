package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.dukcapil.portal.booking.BookingRefused;
import id.dukcapil.portal.booking.CitizenAccounts;
import id.dukcapil.portal.booking.Registration;
import id.dukcapil.portal.shared.Email;
import id.dukcapil.portal.shared.PhoneNumber;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.EmailPattern;
import id.dukcapil.portal.shared.ui.EnterSubmits;
import id.dukcapil.portal.shared.ui.FieldRefusals;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.staff.PasswordPolicy;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registration (SOP A step 3): full name, e-mail, phone, password; then the OTP form. Bound to
 * {@link RegistrationForm}: each broken rule under its own field, all at once, before the service is asked (a toast
 * over the form named one error of several and hid the fields for two seconds); the service's refusal is said the
 * same way, at its fields, what was typed kept.
 */
@Route(value = "bds/daftar", autoLayout = false)
@AnonymousAllowed
class BdsRegisterView extends BdsPage {

    final TextField fullName = new TextField();
    final EmailField email = new EmailField();
    final TextField phone = new TextField();
    final PasswordField password = new PasswordField();
    final Button register = new Button();
    private final Binder<RegistrationForm> binder = new Binder<>(RegistrationForm.class);

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
        // Spaces at the ends are the service's to drop (it reads the name stripped), not a reason to refuse it.
        fullName.setPattern("\\s*(?:" + Registration.NAME_PATTERN + ")\\s*");
        String nameWords = getTranslation("booking.account.name", PasswordPolicy.MIN_LENGTH,
                Registration.NAME_MAX_LENGTH);
        // The fields' own checks (pattern, length, an address's form) run before the binder's: the same words.
        fullName.setI18n(new TextField.TextFieldI18n().setPatternErrorMessage(nameWords)
                .setMaxLengthErrorMessage(nameWords));
        email.setLabel(getTranslation("bds.email"));
        email.setMaxLength(Registration.EMAIL_MAX_LENGTH);
        EmailPattern.on(email);
        email.setI18n(new EmailField.EmailFieldI18n().setPatternErrorMessage(getTranslation("booking.account.email"))
                .setMaxLengthErrorMessage(getTranslation("booking.account.email")));
        phone.setLabel(getTranslation("bds.phone"));
        phone.setMaxLength(Registration.PHONE_MAX_LENGTH);
        phone.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(getTranslation("booking.account.phone")));
        password.setLabel(getTranslation("bds.password"));
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setHelperText(getTranslation("bds.password.rules", PasswordPolicy.MIN_LENGTH));
        bind();
        register.setText(getTranslation("bds.register"));
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FieldRefusals refusals = FieldRefusals.of(fieldOfKey());
        register.addClickListener(click -> {
            Optional<RegistrationForm> written = BoundForms.record(binder);
            if (written.isEmpty()) {
                return; // each field says what is wrong with it; nothing was sent
            }
            RegistrationForm typed = written.get();
            try {
                String attempt = accounts.register(typed.registration(), getLocale(), clientAddress(),
                        journey().started().get(SopStep.A3_REGISTER));
                new PendingRegistration(typed.email().strip(), attempt).keep();
                getUI().ifPresent(ui -> ui.navigate(BdsOtpView.class,
                        QueryParameters.simple(Map.of("email", typed.email().strip()))));
            } catch (RuleViolation refused) {
                refusals.show(details(refused)); // at its fields; a throttle, say, as a message; the form as typed
            }
        });
        for (var field : new com.vaadin.flow.component.HasSize[] {fullName, email, phone, password, register}) {
            field.setWidthFull();
        }
        EnterSubmits.on(register, fullName, email, phone, password);
        show(new H2(getTranslation("bds.register")), fullName, email, phone, password, register,
                new Paragraph(getTranslation("bds.register.hint")));
    }

    private void bind() {
        binder.forField(fullName).withValidator(BeanRule.<String>of(RegistrationForm.class, "fullName")
                        .withArgs(PasswordPolicy.MIN_LENGTH, Registration.NAME_MAX_LENGTH))
                // As the service reads it: spaces at the ends and doubled inside do not count.
                .withValidator(typed -> Registration.validName(typed.strip().replaceAll("\\s+", " ")),
                        getTranslation("booking.account.name", PasswordPolicy.MIN_LENGTH,
                                Registration.NAME_MAX_LENGTH))
                .bind("fullName");
        binder.forField(email).withValidator(BeanRule.of(RegistrationForm.class, "email"))
                .withValidator(Email::isValid, getTranslation("booking.account.email"))
                .bind("email");
        binder.forField(phone).withValidator(BeanRule.of(RegistrationForm.class, "phone"))
                .withValidator(typed -> PhoneNumber.normalized(typed).isPresent(),
                        getTranslation("booking.account.phone"))
                .bind("phone");
        binder.forField(password).withValidator(BeanRule.of(RegistrationForm.class, "password"))
                .withValidator(PasswordRules.of(email::getValue))
                .bind("password");
        binder.readRecord(RegistrationForm.empty());
    }

    /** The service's refusal keys by the field each is about; the password's rules all at the password. */
    private Map<String, HasValidation> fieldOfKey() {
        Map<String, HasValidation> fields = new HashMap<>(Map.of("booking.account.name", fullName,
                "booking.account.email", email, "booking.account.phone", phone));
        PasswordRules.keys().forEach(key -> fields.put(key, password));
        return fields;
    }

    /** The refusal's details without its summary ("Data akun belum benar."), when it has them: each has a field. */
    private static RuleViolation details(RuleViolation refused) {
        List<String> keys = refused.messageKeys();
        return refused instanceof BookingRefused && keys.size() > 1
                ? new RuleViolation(keys.subList(1, keys.size()), refused.args()) : refused;
    }
}

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
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.dukcapil.portal.shared.ui.EnterSubmits;
import id.dukcapil.portal.booking.CitizenAccounts;
import id.dukcapil.portal.booking.Registration;
import id.dukcapil.portal.shared.Email;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.FieldRefusals;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.staff.PasswordPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * "Lupa kata sandi?": the e-mail, then the 6-digit code sent to it and a new password. The answer to the e-mail
 * reads the same whether or not it is registered; a correct code and a strong password sign the citizen in. Bound to
 * {@link PasswordResetForms}: a wrong address, a code not of six digits, a weak password are said at their fields
 * before the service is asked; its refusal (a wrong code) at the field it is about, what was typed kept.
 */
@Route(value = "bds/lupa-sandi", autoLayout = false)
@AnonymousAllowed
class BdsPasswordResetView extends BdsPage {

    final EmailField email = new EmailField();
    final Button send = new Button();
    final Paragraph sentTo = new Paragraph();
    final OtpField code = new OtpField();
    final PasswordField newPassword = new PasswordField();
    final Button save = new Button();
    final Button resend = new Button();
    private final CitizenAccounts accounts;
    private final Binder<PasswordResetForms.CodeRequest> request = new Binder<>(PasswordResetForms.CodeRequest.class);
    private final Binder<PasswordResetForms.NewPassword> reset = new Binder<>(PasswordResetForms.NewPassword.class);
    private final FieldRefusals refusals;
    /** When this screen last asked for a code: the service throttles silently, the screen says how long to wait. */
    private @Nullable Instant lastSent;

    BdsPasswordResetView(CitizenAccounts accounts, Clock clock) {
        super(clock);
        this.accounts = accounts;
        email.setId("bds-reset-email");
        send.setId("bds-reset-send");
        code.setId("bds-reset-code");
        newPassword.setId("bds-reset-password");
        save.setId("bds-reset-save");
        email.setLabel(getTranslation("bds.email"));
        email.setMaxLength(Registration.EMAIL_MAX_LENGTH);
        String emailWords = getTranslation("bds.reset.email-required");
        // The field's own checks run before the binder's: the same words.
        email.setI18n(new EmailField.EmailFieldI18n().setPatternErrorMessage(emailWords)
                .setMaxLengthErrorMessage(emailWords));
        email.setWidthFull();
        send.setText(getTranslation("bds.reset.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        EnterSubmits.on(send, email);
        send.setWidthFull();
        send.addClickListener(click -> requestCode());
        newPassword.setLabel(getTranslation("bds.reset.new-password"));
        newPassword.setMaxLength(PasswordPolicy.MAX_LENGTH);
        newPassword.setHelperText(getTranslation("bds.password.rules", PasswordPolicy.MIN_LENGTH));
        newPassword.getElement().setAttribute("autocomplete", "new-password");
        newPassword.setWidthFull();
        save.setText(getTranslation("bds.reset.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setWidthFull();
        save.addClickListener(click -> reset());
        EnterSubmits.on(save, code, newPassword);
        resend.setText(getTranslation("bds.otp.resend"));
        resend.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        resend.addClickListener(click -> resend());
        bind();
        refusals = FieldRefusals.of(fieldOfKey());
        show(new H2(getTranslation("bds.reset.title")), new Paragraph(getTranslation("bds.reset.intro")), email, send,
                backToSignIn());
    }

    private void bind() {
        request.forField(email).withValidator(BeanRule.of(PasswordResetForms.CodeRequest.class, "email"))
                .withValidator(Email::isValid, getTranslation("bds.reset.email-required"))
                .bind("email");
        request.readRecord(new PasswordResetForms.CodeRequest(""));
        String codeWords = getTranslation("bds.reset.code-required");
        // The code field checks its six digits itself (its pattern) before the binder does: the same words.
        code.setI18n(new TextField.TextFieldI18n().setPatternErrorMessage(codeWords).setMaxLengthErrorMessage(codeWords));
        reset.forField(code).withValidator(BeanRule.of(PasswordResetForms.NewPassword.class, "code")).bind("code");
        reset.forField(newPassword).withValidator(BeanRule.of(PasswordResetForms.NewPassword.class, "newPassword"))
                .withValidator(PasswordRules.of(email::getValue))
                .bind("newPassword");
        reset.readRecord(new PasswordResetForms.NewPassword("", ""));
    }

    /**
     * A wrong code under the code, a weak password under the new password, the field focused: a message in the middle
     * of a phone's screen lay over these two fields while the citizen was typing in them (issue 36). A refusal of no one
     * field (too many tries) stays a message.
     */
    private Map<String, HasValidation> fieldOfKey() {
        Map<String, HasValidation> fields = new HashMap<>(Map.of("booking.refused.OTP_INVALID", code,
                "booking.refused.ACCOUNT_INVALID", newPassword));
        PasswordRules.keys().forEach(key -> fields.put(key, newPassword));
        return fields;
    }

    private void requestCode() {
        try {
            request.writeRecord();
        } catch (ValidationException invalid) {
            email.focus();
            return; // the field says what is wrong; no code was asked for
        }
        try {
            accounts.requestPasswordReset(email.getValue(), clientAddress());
        } catch (RuleViolation violation) {
            Notifications.error(violation);
            return;
        }
        lastSent = clock.instant();
        sentTo.setText(getTranslation("bds.reset.sent", email.getValue().strip(), CitizenAccounts.OTP_VALIDITY.toMinutes()));
        show(new H2(getTranslation("bds.reset.title")), sentTo, code, newPassword, save, resend, backToSignIn());
    }

    private void resend() {
        Duration since = lastSent == null ? CitizenAccounts.OTP_RESEND_INTERVAL : Duration.between(lastSent, clock.instant());
        if (since.compareTo(CitizenAccounts.OTP_RESEND_INTERVAL) < 0) {
            // Rounded up: "0 seconds" would invite a tap that is refused again.
            Notifications.error(getTranslation("bds.reset.wait",
                    CitizenAccounts.OTP_RESEND_INTERVAL.minus(since).plusMillis(999).toSeconds()));
            return;
        }
        try {
            accounts.requestPasswordReset(email.getValue(), clientAddress());
        } catch (RuleViolation violation) {
            Notifications.error(violation);
            return;
        }
        lastSent = clock.instant();
        Notifications.success(getTranslation("bds.reset.resent", CitizenAccounts.OTP_RESEND_INTERVAL.toSeconds()));
    }

    private void reset() {
        PasswordResetForms.NewPassword typed;
        try {
            typed = reset.writeRecord();
        } catch (ValidationException invalid) {
            (code.isInvalid() ? code : newPassword).focus();
            return; // each field says what is wrong with it; nothing was sent
        }
        try {
            accounts.resetPassword(email.getValue(), typed.code(), typed.newPassword(), clientAddress());
        } catch (RuleViolation violation) {
            refusals.show(violation); // the fields keep what was typed, to correct one of them
            return;
        }
        try {
            signIn(accounts.signIn(email.getValue(), typed.newPassword(), clientAddress()));
            Notifications.success(getTranslation("bds.reset.done"));
            getUI().ifPresent(ui -> ui.navigate(BdsHomeView.class));
        } catch (RuleViolation violation) {
            // The password is changed; signing in is the usual way then.
            Notifications.success(getTranslation("bds.reset.done-sign-in"));
            getUI().ifPresent(ui -> ui.navigate(BdsSignInView.class));
        }
    }

    private RouterLink backToSignIn() {
        return new RouterLink(getTranslation("bds.reset.back"), BdsSignInView.class);
    }
}

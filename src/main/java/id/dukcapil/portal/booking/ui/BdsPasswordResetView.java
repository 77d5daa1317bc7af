package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.dukcapil.portal.shared.ui.EnterSubmits;
import id.dukcapil.portal.booking.BookingRefused;
import id.dukcapil.portal.booking.CitizenAccounts;
import id.dukcapil.portal.booking.Registration;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.staff.PasswordPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * "Lupa kata sandi?": the e-mail, then the 6-digit code sent to it and a new password. The answer to the e-mail
 * reads the same whether or not it is registered; a correct code and a strong password sign the citizen in.
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
        email.setWidthFull();
        send.setText(getTranslation("bds.reset.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        EnterSubmits.on(send, email);
        send.setWidthFull();
        send.addClickListener(click -> requestCode());
        newPassword.setLabel(getTranslation("bds.reset.new-password"));
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
        show(new H2(getTranslation("bds.reset.title")), new Paragraph(getTranslation("bds.reset.intro")), email, send,
                backToSignIn());
    }

    private void requestCode() {
        if (email.getValue().isBlank() || email.isInvalid()) {
            email.setErrorMessage(getTranslation("bds.reset.email-required"));
            email.setInvalid(true);
            email.focus();
            return;
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

    /**
     * A wrong code under the code, a weak password under the new password, the field focused: a message in the middle
     * of a phone's screen lay over these two fields while the citizen was typing in them (issue 36). A refusal of no one
     * field (too many tries) stays a message.
     */
    private void atItsField(RuleViolation violation) {
        TextFieldBase<?, ?> field = violation instanceof BookingRefused refused ? switch (refused.code()) {
            case OTP_INVALID -> code;
            case ACCOUNT_INVALID -> newPassword;
            default -> null;
        } : null;
        Notifications.at(field, violation);
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
        code.setInvalid(false);
        newPassword.setInvalid(false);
        try {
            accounts.resetPassword(email.getValue(), code.getValue(), newPassword.getValue(), clientAddress());
        } catch (RuleViolation violation) {
            atItsField(violation);
            return;
        }
        try {
            signIn(accounts.signIn(email.getValue(), newPassword.getValue(), clientAddress()));
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

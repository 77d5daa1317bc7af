package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.dukcapil.portal.shared.ui.EnterSubmits;
import id.dukcapil.portal.booking.CitizenAccounts;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.sla.SopStep;
import java.time.Clock;

/**
 * The OTP form (SOP A step 4): the 6-digit code from the e-mail verifies the account and signs the citizen in. It
 * serves the registration this browser made ({@link PendingRegistration}); without one it sends the citizen to
 * register.
 */
@Route(value = "bds/otp", autoLayout = false)
@AnonymousAllowed
class BdsOtpView extends BdsPage implements BeforeEnterObserver {

    final OtpField code = new OtpField();
    final Button verify = new Button();
    final Button resend = new Button();
    private final Paragraph sentTo = new Paragraph();
    private PendingRegistration pending = new PendingRegistration("", "");

    BdsOtpView(CitizenAccounts accounts, Clock clock) {
        super(clock);
        step(SopStep.A4_ENTER_OTP);
        code.setId("bds-otp");
        verify.setId("bds-verify");
        verify.setText(getTranslation("bds.otp.verify"));
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.setWidthFull();
        verify.addClickListener(click -> {
            try {
                signIn(accounts.verify(pending.email(), pending.attempt(), code.getValue(), clientAddress()));
                PendingRegistration.done();
                getUI().ifPresent(ui -> ui.navigate(BdsHomeView.class));
            } catch (RuleViolation violation) {
                // At the code, where the citizen types it again: a toast in mid-screen would cover the button.
                code.setErrorMessage(Notifications.text(violation));
                code.setInvalid(true);
            }
        });
        code.addValueChangeListener(typed -> code.setInvalid(false));
        resend.setText(getTranslation("bds.otp.resend"));
        resend.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        resend.addClickListener(click -> {
            try {
                accounts.resendCode(pending.email(), pending.attempt(), clientAddress());
                Notifications.success(getTranslation("bds.otp.resent", CitizenAccounts.OTP_RESEND_INTERVAL.toSeconds()));
            } catch (RuleViolation violation) {
                Notifications.error(violation);
            }
        });
        EnterSubmits.on(verify, code);
        show(new H2(getTranslation("bds.otp.title")), sentTo, code, verify, resend);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var registration = PendingRegistration.current();
        if (registration.isEmpty()) {
            event.forwardTo(BdsRegisterView.class);
            return;
        }
        pending = registration.get();
        sentTo.setText(getTranslation("bds.otp.sent", pending.email(), CitizenAccounts.OTP_VALIDITY.toMinutes()));
    }
}

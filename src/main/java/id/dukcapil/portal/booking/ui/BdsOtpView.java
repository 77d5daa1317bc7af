package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.dukcapil.portal.booking.CitizenAccounts;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.sla.SopStep;
import java.time.Clock;

/** The OTP form (SOP A step 4): the 6-digit code from the e-mail verifies the account and signs the citizen in. */
@Route(value = "bds/otp", autoLayout = false)
@AnonymousAllowed
class BdsOtpView extends BdsPage implements BeforeEnterObserver {

    final OtpField code = new OtpField();
    final Button verify = new Button();
    final Button resend = new Button();
    private final Paragraph sentTo = new Paragraph();
    private String email = "";

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
                signIn(accounts.verify(email, code.getValue(), clientAddress()));
                getUI().ifPresent(ui -> ui.navigate(BdsHomeView.class));
            } catch (RuleViolation violation) {
                Notifications.error(violation);
            }
        });
        resend.setText(getTranslation("bds.otp.resend"));
        resend.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        resend.addClickListener(click -> {
            try {
                accounts.resendCode(email, clientAddress());
                Notifications.success(getTranslation("bds.otp.resent", CitizenAccounts.OTP_RESEND_INTERVAL.toSeconds()));
            } catch (RuleViolation violation) {
                Notifications.error(violation);
            }
        });
        show(new H2(getTranslation("bds.otp.title")), sentTo, code, verify, resend);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        email = event.getLocation().getQueryParameters().getSingleParameter("email").orElse("");
        sentTo.setText(getTranslation("bds.otp.sent", email, CitizenAccounts.OTP_VALIDITY.toMinutes()));
    }
}

package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.dukcapil.portal.shared.ui.EmailPattern;
import id.dukcapil.portal.shared.ui.EnterSubmits;
import id.dukcapil.portal.booking.CitizenAccounts;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.sla.SopStep;
import java.time.Clock;

/** Citizen sign-in (SOP A step 2): e-mail and password checked by the service, the citizen kept in the session. */
@Route(value = "bds/masuk", autoLayout = false)
@AnonymousAllowed
class BdsSignInView extends BdsPage {

    final EmailField email = new EmailField();
    final PasswordField password = new PasswordField();
    final Button signIn = new Button();
    final RouterLink forgotPassword = new RouterLink();

    BdsSignInView(CitizenAccounts accounts, Clock clock) {
        super(clock);
        step(SopStep.A2_LOG_IN);
        email.setId("bds-email");
        password.setId("bds-password");
        signIn.setId("bds-sign-in");
        email.setLabel(getTranslation("bds.email"));
        EmailPattern.on(email); // an address the registration took is never marked wrong here
        email.setWidthFull();
        password.setLabel(getTranslation("bds.password"));
        password.setWidthFull();
        signIn.setText(getTranslation("bds.sign-in"));
        signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signIn.setWidthFull();
        signIn.addClickListener(click -> {
            try {
                signIn(accounts.signIn(email.getValue(), password.getValue(), clientAddress()));
                getUI().ifPresent(ui -> ui.navigate(BdsHomeView.class));
            } catch (RuleViolation violation) {
                Notifications.error(violation);
            }
        });
        forgotPassword.setText(getTranslation("bds.reset.link"));
        forgotPassword.setRoute(BdsPasswordResetView.class);
        forgotPassword.setId("bds-forgot-password");
        EnterSubmits.on(signIn, email, password);
        show(new H2(getTranslation("bds.sign-in")), email, password, signIn, forgotPassword);
    }
}

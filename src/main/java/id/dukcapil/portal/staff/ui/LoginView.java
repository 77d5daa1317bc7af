package id.dukcapil.portal.staff.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.dukcapil.portal.shared.ui.LanguageSwitch;
import java.util.List;

/**
 * Staff sign-in. After a failure it says why as far as is safe: too many failed tries (for the name, or from the
 * client's address) read "try later"; anything else, a wrong password, an unknown name or a deactivated account,
 * reads the same "wrong username or password" (decision 175).
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();

    LoginView() {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n(false));
        Div brand = new Div(getTranslation("login.brand"));
        brand.addClassName("login-brand");
        add(brand, login, new Paragraph(getTranslation("login.forgot-hint")), new LanguageSwitch());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> error = event.getLocation().getQueryParameters().getParameters().get("error");
        if (error != null) { // set by the failure handler (SecurityConfiguration): "locked", or empty
            login.setI18n(i18n(error.contains(StaffNavigation.SIGN_IN_LOCKED)));
            login.setError(true);
        }
    }

    private LoginI18n i18n(boolean locked) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        String reason = locked ? "locked" : "wrong";
        error.setTitle(getTranslation("login.error." + reason + ".title"));
        error.setMessage(getTranslation("login.error." + reason + ".message"));
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · Dukcapil Portal";
    }
}

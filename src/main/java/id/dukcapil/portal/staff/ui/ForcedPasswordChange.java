package id.dukcapil.portal.staff.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.AuthenticationContext;
import id.dukcapil.portal.staff.MyAccount;
import org.springframework.stereotype.Component;

/**
 * A user whose password an admin reset can open nothing but the password view until they choose a new one.
 */
@Component
class ForcedPasswordChange implements VaadinServiceInitListener {

    private final MyAccount myAccount;
    private final AuthenticationContext authentication;

    ForcedPasswordChange(MyAccount myAccount, AuthenticationContext authentication) {
        this.myAccount = myAccount;
        this.authentication = authentication;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter -> {
            if (enter.getNavigationTarget() != ChangePasswordView.class
                    && enter.getNavigationTarget() != LoginView.class
                    && authentication.isAuthenticated()
                    && myAccount.mustChangePassword()) {
                enter.rerouteTo(ChangePasswordView.class);
            }
        }));
    }
}

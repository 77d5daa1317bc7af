package id.dukcapil.portal.staff.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import id.dukcapil.portal.staff.MyAccount;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A user whose password an admin reset can open nothing but the password view until they choose a new one.
 */
@Component
class ForcedPasswordChange implements VaadinServiceInitListener {

    private final MyAccount myAccount;

    ForcedPasswordChange(MyAccount myAccount) {
        this.myAccount = myAccount;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter -> {
            if (enter.getNavigationTarget() != ChangePasswordView.class
                    && enter.getNavigationTarget() != LoginView.class
                    && signedIn()
                    && myAccount.mustChangePassword()) {
                enter.rerouteTo(ChangePasswordView.class);
            }
        }));
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}

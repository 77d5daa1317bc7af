package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.spring.security.AuthenticationContext;
import id.dukcapil.portal.shared.Role;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * Whether the signed-in officer has a role, for showing what they may do; the services check again. Asks Vaadin's
 * {@link AuthenticationContext}, so no view reads the security context itself (issue 50 item 3).
 */
@Component
public class CurrentRoles {

    private final transient AuthenticationContext authentication;

    CurrentRoles(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    public boolean hasAny(Role... roles) {
        return authentication.hasAnyAuthority(Arrays.stream(roles).map(Role::authority).toArray(String[]::new));
    }
}

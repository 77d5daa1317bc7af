package id.dukcapil.portal.shared.ui;

import id.dukcapil.portal.shared.Role;
import java.util.Arrays;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Whether the signed-in user has a role: for showing what they may do. Services check again. */
public final class CurrentRoles {

    private CurrentRoles() {
    }

    public static boolean hasAny(Role... roles) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> Arrays.stream(roles).anyMatch(role -> role.authority().equals(authority.getAuthority())));
    }
}

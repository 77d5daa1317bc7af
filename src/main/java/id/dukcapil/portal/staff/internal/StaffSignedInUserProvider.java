package id.dukcapil.portal.staff.internal;

import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.ui.SignedInUser;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Tells the shell who is signed in: name, roles and service point, from the sign-in. */
@Component
class StaffSignedInUserProvider implements SignedInUser.Provider {

    @Override
    public Optional<SignedInUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof StaffPrincipal principal)) {
            return Optional.empty();
        }
        var roleKeys = principal.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .flatMap(authority -> Arrays.stream(Role.values()).filter(role -> role.authority().equals(authority)))
                .sorted()
                .map(Role::labelKey)
                .toList();
        return Optional.of(new SignedInUser(principal.fullName(), roleKeys, principal.servicePointName()));
    }
}

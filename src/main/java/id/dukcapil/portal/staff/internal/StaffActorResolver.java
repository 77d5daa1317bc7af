package id.dukcapil.portal.staff.internal;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.ActorResolver;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The signed-in staff member, as the audit log records them.
 */
@Component
class StaffActorResolver implements ActorResolver {

    @Override
    public Optional<Actor> currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
            return Optional.of(actorOf(principal));
        }
        return Optional.empty();
    }

    static Actor actorOf(StaffPrincipal principal) {
        return new Actor(Actor.Type.STAFF, principal.getUsername(), principal.fullName(),
                principal.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .map(authority -> authority.replaceFirst("^ROLE_", ""))
                        .collect(Collectors.toSet()),
                principal.servicePointCode());
    }
}

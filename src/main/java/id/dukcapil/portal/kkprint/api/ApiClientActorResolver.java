package id.dukcapil.portal.kkprint.api;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.ActorResolver;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Names the IKD gateway or the kiosk in the audit log and the request history when they act. */
@Component
class ApiClientActorResolver implements ActorResolver {

    @Override
    public Optional<Actor> currentActor() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiClientAuthentication api) {
            return Optional.of(new Actor(Actor.Type.SYSTEM, api.getName(), api.getPrincipal().name(),
                    Set.of(api.getPrincipal().kind().role()), null));
        }
        return Optional.empty();
    }
}

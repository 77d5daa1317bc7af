package id.dukcapil.portal.audit;

import id.dukcapil.portal.shared.RuleViolation;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who is acting now, the one answer every module asks: a signed-in officer, an API client (a gateway, a kiosk), or
 * else the portal itself. The modules that know their users provide an {@link ActorResolver}; the audit log, the
 * step clocks and the columns that say who did something all read it here.
 */
@Component
public class CurrentActor {

    private final List<ActorResolver> resolvers;

    CurrentActor(List<ActorResolver> resolvers) {
        this.resolvers = resolvers;
    }

    /** The actor, or the portal itself ({@code system:portal}) outside a signed-in request. */
    public Actor get() {
        return orSystem("portal");
    }

    /** The actor, or the portal's named job (a scheduled watch, a listener) when nobody is signed in. */
    public Actor orSystem(String job) {
        return resolvers.stream().flatMap(resolver -> resolver.currentActor().stream()).findFirst()
                .orElseGet(() -> Actor.system(job));
    }

    /**
     * The service point of the officer at a desk, which every desk's work belongs to; refused in the user's words
     * for an account that has none.
     */
    public String servicePoint() {
        String point = get().servicePoint();
        if (point == null) {
            throw new RuleViolation("shared.no-service-point");
        }
        return point;
    }

    /** The actor's id, as the columns that say who did something keep it (a username, {@code system}...). */
    public String id() {
        return orSystem("system").id();
    }
}

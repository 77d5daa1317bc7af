package id.dukcapil.portal.audit;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who did something: a staff member, a citizen account, the system itself, or someone not signed in.
 *
 * @param id username, citizen account id, job name, or the name an anonymous user typed
 */
public record Actor(Type type, String id, @Nullable String name, Set<String> roles,
                    @Nullable String servicePoint) {

    public enum Type { STAFF, CITIZEN, SYSTEM, ANONYMOUS }

    public Actor {
        roles = Set.copyOf(roles);
    }

    public static Actor system(String job) {
        return new Actor(Type.SYSTEM, job, null, Set.of(), null);
    }

    public static Actor anonymous(String claimedName) {
        return new Actor(Type.ANONYMOUS, claimedName, null, Set.of(), null);
    }
}

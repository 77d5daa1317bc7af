package id.dukcapil.portal.audit;

import java.util.Optional;

/**
 * Tells the audit log who is acting now. The module that knows the signed-in users provides it, so the
 * audit log depends on no other module.
 */
public interface ActorResolver {

    /** The current actor, or empty outside a signed-in request (then the entry is the system's). */
    Optional<Actor> currentActor();
}

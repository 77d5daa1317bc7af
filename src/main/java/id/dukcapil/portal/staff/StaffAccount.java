package id.dukcapil.portal.staff;

import id.dukcapil.portal.shared.Role;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A staff account as the rest of the portal sees it (never its password).
 *
 * @param lastSignInAt     the latest sign-in: for the signed-in user, the one just made
 * @param previousSignInAt the one before it, which the user's home shows (a sign-in they do not remember is seen)
 */
public record StaffAccount(long id, String username, String fullName, @Nullable String email, @Nullable String nip,
                           ServicePoint servicePoint, Set<Role> roles, boolean active, boolean mustChangePassword,
                           @Nullable Instant lockedUntil, @Nullable Instant lastSignInAt,
                           @Nullable Instant previousSignInAt, long version) {

    public StaffAccount {
        roles = Set.copyOf(roles);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}

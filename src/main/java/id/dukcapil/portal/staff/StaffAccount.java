package id.dukcapil.portal.staff;

import id.dukcapil.portal.shared.Role;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A staff account as the rest of the portal sees it (never its password).
 */
public record StaffAccount(long id, String username, String fullName, @Nullable String email, @Nullable String nip,
                           ServicePoint servicePoint, Set<Role> roles, boolean active, boolean mustChangePassword,
                           @Nullable Instant lockedUntil, @Nullable Instant lastSignInAt, long version) {

    public StaffAccount {
        roles = Set.copyOf(roles);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}

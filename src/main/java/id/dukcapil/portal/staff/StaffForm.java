package id.dukcapil.portal.staff;

import id.dukcapil.portal.shared.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an ADMIN edits of a staff account. The same limits feed the columns, the validator and the fields.
 */
public record StaffForm(
        @NotBlank @Size(min = USERNAME_MIN_LENGTH, max = USERNAME_MAX_LENGTH) @Pattern(regexp = USERNAME_PATTERN)
        String username,
        @NotBlank @Size(max = FULL_NAME_MAX_LENGTH) String fullName,
        @Nullable @Size(max = EMAIL_MAX_LENGTH) String email,
        @Nullable @Pattern(regexp = NIP_PATTERN) String nip,
        @NotNull Long servicePointId,
        @NotEmpty Set<Role> roles,
        boolean active) {

    public static final int USERNAME_MIN_LENGTH = 3;
    public static final int USERNAME_MAX_LENGTH = 40;
    /** Lower-case letters, digits, dot, dash and underscore: what people type without thinking. */
    public static final String USERNAME_PATTERN = "[a-z0-9._-]+";
    public static final int FULL_NAME_MAX_LENGTH = 120;
    public static final int EMAIL_MAX_LENGTH = id.dukcapil.portal.shared.Email.MAX_LENGTH;
    /** The 18-digit NIP (civil-servant number), or empty. */
    public static final String NIP_PATTERN = "^$|\\d{18}";

    public StaffForm {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static StaffForm of(StaffAccount account) {
        return new StaffForm(account.username(), account.fullName(), account.email(), account.nip(),
                account.servicePoint().id(), account.roles(), account.active());
    }
}

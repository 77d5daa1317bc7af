package id.dukcapil.portal.shared.ui;

import java.util.List;

/**
 * What the shell shows of the signed-in user.
 *
 * @param roleLabelKeys translation keys of the user's roles
 */
public record SignedInUser(String fullName, List<String> roleLabelKeys, String servicePointName) {

    public SignedInUser {
        roleLabelKeys = List.copyOf(roleLabelKeys);
    }

    /** Tells the shell who is signed in; the module that owns the accounts provides it. */
    public interface Provider {
        java.util.Optional<SignedInUser> current();
    }
}

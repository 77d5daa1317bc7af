package id.dukcapil.portal.staff.ui;

import id.dukcapil.portal.staff.PasswordPolicy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A user's own password change as the page binds it: the current password, the new one twice. The new password's
 * rules (length, letters and digits, not the username) are the policy's, said by the service at the new password's
 * field; the form checks what it can know alone.
 */
public record PasswordChangeForm(@NotBlank(message = "{validation.required}") String current,
                                 @NotBlank(message = "{validation.required}")
                                 @Size(max = PasswordPolicy.MAX_LENGTH, message = "{password.rule.max-length}")
                                 String newPassword,
                                 @NotBlank(message = "{validation.required}") String repeat) {

    static PasswordChangeForm empty() {
        return new PasswordChangeForm("", "", "");
    }
}

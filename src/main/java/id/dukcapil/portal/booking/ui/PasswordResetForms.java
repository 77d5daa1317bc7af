package id.dukcapil.portal.booking.ui;

import id.dukcapil.portal.booking.Registration;
import id.dukcapil.portal.staff.PasswordPolicy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * "Lupa kata sandi?" as the BDS page binds it: the address a code is asked for, then the code and the new password.
 * Each message a bundle key; the service checks it all again and alone knows whether the code is right.
 */
public final class PasswordResetForms {

    private PasswordResetForms() {
    }

    /** The account's address, to send the code to. */
    public record CodeRequest(@NotBlank(message = "{bds.reset.email-required}")
                              @Size(max = Registration.EMAIL_MAX_LENGTH, message = "{bds.reset.email-required}")
                              String email) {
    }

    /** The six digits from the e-mail and the password that replaces the forgotten one. */
    public record NewPassword(@NotBlank(message = "{bds.reset.code-required}")
                              @Pattern(regexp = "\\d{6}", message = "{bds.reset.code-required}") String code,
                              @NotBlank(message = "{validation.required}")
                              @Size(max = PasswordPolicy.MAX_LENGTH, message = "{password.rule.max-length}")
                              String newPassword) {
    }
}

package id.dukcapil.portal.booking.ui;

import id.dukcapil.portal.booking.Registration;
import id.dukcapil.portal.staff.PasswordPolicy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A citizen's registration as the BDS page binds it (SOP A step 3): each field's limits are the account's, said in
 * the words the service's refusal uses, so the page refuses first what the service would; the service checks all of
 * it again and is the judge of what only it knows.
 */
public record RegistrationForm(
        @NotBlank(message = "{booking.account.name}")
        @Size(max = Registration.NAME_MAX_LENGTH, message = "{booking.account.name}") String fullName,
        @NotBlank(message = "{booking.account.email}")
        @Size(max = Registration.EMAIL_MAX_LENGTH, message = "{booking.account.email}") String email,
        @NotBlank(message = "{booking.account.phone}")
        @Size(max = Registration.PHONE_MAX_LENGTH, message = "{booking.account.phone}") String phone,
        @NotBlank(message = "{validation.required}")
        @Size(max = PasswordPolicy.MAX_LENGTH, message = "{password.rule.max-length}") String password) {

    static RegistrationForm empty() {
        return new RegistrationForm("", "", "", "");
    }

    Registration registration() {
        return new Registration(fullName, email, phone, password);
    }
}

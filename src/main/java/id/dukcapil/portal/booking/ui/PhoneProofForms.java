package id.dukcapil.portal.booking.ui;

import id.dukcapil.portal.shared.PhoneNumber;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The phone proof's two small forms on the citizen's home (decision 182), as the screen binds them: the number a code
 * is sent to, and the six digits the SMS carried. Each message the bundle key of the service's own refusal; whether
 * the number is an Indonesian mobile one and the code the right one only the service knows.
 */
public final class PhoneProofForms {

    private PhoneProofForms() {
    }

    /** The number to prove. */
    public record PhoneTyped(
            @NotBlank(message = "{booking.account.phone}")
            @Size(max = PhoneNumber.MAX_LENGTH, message = "{booking.account.phone}") String phone) {
    }

    /** The code the SMS carried: six digits, told before a try is spent on anything else. */
    public record CodeTyped(
            @Pattern(regexp = "[0-9]{6}", message = "{booking.refused.PHONE_CODE_MALFORMED}") String code) {

        static CodeTyped empty() {
            return new CodeTyped("");
        }
    }
}

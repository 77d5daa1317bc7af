package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import id.dukcapil.portal.booking.Registration;
import id.dukcapil.portal.shared.Email;
import id.dukcapil.portal.staff.PasswordPolicy;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The password policy as a binding's validator on the citizen's pages: every rule the password breaks at once, at
 * its field, in the words the service's refusal uses (the same keys and arguments), before the service is asked.
 */
final class PasswordRules {

    private PasswordRules() {
    }

    /** @param email the address typed beside the password: its local part must not be in the password */
    static Validator<String> of(Supplier<String> email) {
        return (typed, context) -> {
            List<String> broken = PasswordPolicy.violations(username(email.get()), typed);
            if (broken.isEmpty()) {
                return ValidationResult.ok();
            }
            return ValidationResult.error(broken.stream()
                    .map(key -> context.getComponent()
                            .map(field -> field.getTranslation(key, PasswordPolicy.MIN_LENGTH,
                                    Registration.NAME_MAX_LENGTH))
                            .orElse(key))
                    .collect(Collectors.joining(" ")));
        };
    }

    /** The refusal keys the policy says, each at the password's field. */
    static List<String> keys() {
        return List.of("password.rule.length", "password.rule.max-length", "password.rule.letter",
                "password.rule.digit", "password.rule.case", "password.rule.username", "password.rule.common",
                "password.rule.reuse");
    }

    /** As the service takes it: the address's local part, lower case; none while the address is not one. */
    private static String username(String email) {
        if (!Email.isValid(email)) {
            return "";
        }
        String address = Email.parse(email).value();
        return address.substring(0, address.indexOf('@')).toLowerCase(Locale.ROOT);
    }
}

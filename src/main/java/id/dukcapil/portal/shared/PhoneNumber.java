package id.dukcapil.portal.shared;

import java.util.Optional;

/**
 * An Indonesian mobile number as every edge takes it (the BDS registration, the IKD intake, the registration desk):
 * typed as 08…, 628… or +628…, with spaces, dots, dashes or brackets, and kept as +62 and 8 to 13 more digits,
 * the form WhatsApp and SMPP address. One rule, so a number the BDS account takes is one the desk takes.
 */
public record PhoneNumber(String value) {

    /** The longest number as typed (+62 812-3456-7890 and some spaces). */
    public static final int MAX_LENGTH = 20;
    public static final String INVALID = "shared.phone.invalid";

    public PhoneNumber {
        if (value == null || !value.matches("\\+62[1-9]\\d{7,12}")) {
            throw new RuleViolation(INVALID);
        }
    }

    /** The number as +62…, or refused with {@link #INVALID}. */
    public static PhoneNumber parse(String typed) {
        return normalized(typed).map(PhoneNumber::new).orElseThrow(() -> new RuleViolation(INVALID));
    }

    /** How a log or an audit entry names a number: by its last four digits only. */
    public static String masked(String phone) {
        return phone.length() < 4 ? "?" : "…" + phone.substring(phone.length() - 4);
    }

    /** The number as +62…, or empty when it is not an Indonesian number. */
    public static Optional<String> normalized(String typed) {
        if (typed == null || typed.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String digits = typed.replaceAll("[\\s().-]", "");
        if (digits.startsWith("+62")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("62")) {
            digits = digits.substring(2);
        } else if (digits.startsWith("0")) {
            digits = digits.substring(1);
        } else {
            return Optional.empty();
        }
        return digits.matches("[1-9]\\d{7,12}") ? Optional.of("+62" + digits) : Optional.empty();
    }
}

package id.dukcapil.portal.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One e-mail address (an RFC 5321 addr-spec, the plain dot-atom form) as every edge accepts it: the IKD intake,
 * the BDS registration and the staff forms. Nothing a mail header could be split on (CR, LF, comma, space)
 * gets through, so a signed card always has exactly one place to go. The domain is lower-cased; the local part
 * is kept as typed (a mailbox may be case-sensitive).
 */
public record Email(String value) {

    /** The longest path a mail server accepts (RFC 5321 4.5.3.1.3, less the angle brackets). */
    public static final int MAX_LENGTH = 254;
    public static final int LOCAL_MAX_LENGTH = 64;
    public static final String INVALID = "shared.email.invalid";

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public Email {
        if (!valid(value)) {
            throw new RuleViolation(INVALID);
        }
    }

    /** The address, surrounding spaces dropped and the domain lower-cased; refused with {@link #INVALID}. */
    public static Email parse(String text) {
        // A line break is refused even at the end: it is how a second header rides along, never a typo to forgive.
        if (text == null || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new RuleViolation(INVALID);
        }
        String address = text.strip();
        int at = address.lastIndexOf('@');
        if (at > 0) {
            address = address.substring(0, at + 1) + address.substring(at + 1).toLowerCase(Locale.ROOT);
        }
        return new Email(address);
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (RuleViolation invalid) {
            return false;
        }
    }

    private static boolean valid(String address) {
        if (address == null || address.isEmpty() || address.length() > MAX_LENGTH) {
            return false;
        }
        int at = address.indexOf('@');
        if (at < 1 || at != address.lastIndexOf('@')) {
            return false;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.length() > LOCAL_MAX_LENGTH || !LOCAL.matcher(local).matches()) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // The top-level domain is never all digits (that would be an IP address, not a mail domain).
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    @Override
    public String toString() {
        return value;
    }
}

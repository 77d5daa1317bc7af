package id.dukcapil.portal.booking;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a citizen types to open an account (SOP A step 3). */
public record Registration(String fullName, String email, String phone, String password) {

    public static final int NAME_MAX_LENGTH = 100;
    /**
     * A name: letters (any script, with their accents), spaces and the punctuation of names ({@code . ' - ,}),
     * starting with a letter; a dot is never followed by a letter, so no web address fits (the name is copied into
     * e-mails). The same expression is the form field's pattern (a browser reads it with the {@code v} flag).
     */
    public static final String NAME_PATTERN = "\\p{L}(?:[\\p{L}\\p{M} ',\\-]|\\.(?!\\p{L}))*";
    public static final int EMAIL_MAX_LENGTH = 254;
    public static final int PHONE_MAX_LENGTH = 20;
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

    /** Whether the name may be an account's: {@link #NAME_PATTERN}, at most {@link #NAME_MAX_LENGTH} characters. */
    public static boolean validName(String name) {
        return name.length() <= NAME_MAX_LENGTH && NAME.matcher(name).matches();
    }

    /** An address as accounts are keyed by it: trimmed, in lower case. */
    public static String normalisedEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** The address normalised, if it is one plain address of at most {@link #EMAIL_MAX_LENGTH} characters. */
    static String plainEmail(String raw) {
        String email = normalisedEmail(raw);
        try {
            if (email.length() > EMAIL_MAX_LENGTH) {
                throw new AddressException("too long");
            }
            InternetAddress address = new InternetAddress(email, true);
            if (address.getAddress().indexOf('@') < 1 || !address.getAddress().equals(email)) {
                throw new AddressException("not a plain address");
            }
            return email;
        } catch (AddressException e) {
            throw new BookingRefused(RefusalCode.ACCOUNT_INVALID, List.of("booking.account.email"));
        }
    }

    @Override
    public String toString() {
        return "Registration[" + email + "]";
    }
}

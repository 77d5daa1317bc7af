package id.dukcapil.portal.booking;

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

    @Override
    public String toString() {
        return "Registration[" + email + "]";
    }
}

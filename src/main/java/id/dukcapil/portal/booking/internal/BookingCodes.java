package id.dukcapil.portal.booking.internal;

import java.security.SecureRandom;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Booking codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B), drawn from
 * SecureRandom: about 2^37 codes, so one cannot be guessed from another.
 */
@Component
public class BookingCodes {

    public static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    public static final int LENGTH = 8;
    /** Compiled once: a citizen's every read of a booking normalises its code (String.replaceAll compiles per call). */
    private static final Pattern IGNORED = Pattern.compile("[\\s-]");

    private final SecureRandom random = new SecureRandom();

    public String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** The code as typed or scanned: upper case, spaces and dashes ignored. */
    public static String normalise(String typed) {
        return IGNORED.matcher(typed.strip().toUpperCase(java.util.Locale.ROOT)).replaceAll("");
    }
}

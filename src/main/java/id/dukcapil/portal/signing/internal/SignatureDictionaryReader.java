package id.dukcapil.portal.signing.internal;

import static id.dukcapil.portal.signing.internal.PdfObjectLexer.regular;
import static id.dukcapil.portal.signing.internal.PdfObjectLexer.whitespace;

import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.util.DateConverter;
import org.jspecify.annotations.Nullable;

/**
 * The signature dictionary around a signature's hole, for its {@code /SubFilter} and signing time {@code /M}: the
 * indirect object around the hole is read from its {@code obj} keyword, and the dictionary whose {@code /Contents} is
 * the hole found at any depth in it. A dictionary that cannot be read is {@link SignatureDictionary#UNREADABLE}, not
 * an error: the CMS check decides whether the signature holds.
 */
final class SignatureDictionaryReader {

    /** An {@code obj} inside a string before the hole is passed over, a few at most. */
    private static final int MAX_HEADER_TRIES = 8;

    private SignatureDictionaryReader() {
    }

    record SignatureDictionary(String subFilter, @Nullable Instant signedAt) {

        static final SignatureDictionary UNREADABLE = new SignatureDictionary("", null);
    }

    /**
     * The dictionary whose {@code /Contents} is the hex string at [from, to).
     *
     * @param text the file's bytes as Latin-1 characters, for String's fast searches
     */
    static SignatureDictionary around(byte[] pdf, String text, int from, int to) {
        int header = from;
        for (int tries = 0; tries < MAX_HEADER_TRIES && (header = objectHeader(pdf, text, header)) >= 0; tries++) {
            try {
                Optional<Map<String, Object>> found = find(new PdfObjectLexer(pdf, header + 3).object(0), from, to);
                if (found.isPresent()) {
                    Map<String, Object> dictionary = found.get();
                    return new SignatureDictionary(
                            dictionary.get("SubFilter") instanceof PdfObjectLexer.Name name ? name.value() : "",
                            dictionary.get("M") instanceof PdfObjectLexer.Text signedAt ? date(signedAt.value()) : null);
                }
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                // not the object around the hole: try the one before
            }
        }
        return SignatureDictionary.UNREADABLE;
    }

    private static Optional<Map<String, Object>> find(Object object, int from, int to) {
        if (object instanceof PdfObjectLexer.Dictionary(Map<String, Object> entries)) {
            if (entries.get("Contents") instanceof PdfObjectLexer.Text(String ignored, int start, int end)
                    && start == from && end == to) {
                return Optional.of(entries);
            }
            for (Object value : entries.values()) {
                Optional<Map<String, Object>> found = find(value, from, to);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (object instanceof List<?> array) {
            for (Object value : array) {
                Optional<Map<String, Object>> found = find(value, from, to);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static @Nullable Instant date(String text) {
        try {
            Calendar calendar = DateConverter.toCalendar(text);
            return calendar == null ? null : calendar.toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Where the keyword of the nearest {@code N G obj} before {@code position} stands, or -1. */
    private static int objectHeader(byte[] pdf, String text, int position) {
        for (int at = text.lastIndexOf("obj", position - 1); at > 0; at = text.lastIndexOf("obj", at - 1)) {
            int i = at - 1;
            int digits = 0;
            while (i >= 0 && whitespace(pdf[i])) {
                i--;
            }
            while (i >= 0 && Character.isDigit(pdf[i])) {
                i--;
                digits++;
            }
            // "endobj" has no number before it; "objects" goes on with a regular character
            if (digits > 0 && (i < 0 || whitespace(pdf[i])) && (at + 3 >= pdf.length || !regular(pdf[at + 3]))) {
                return at;
            }
        }
        return -1;
    }
}

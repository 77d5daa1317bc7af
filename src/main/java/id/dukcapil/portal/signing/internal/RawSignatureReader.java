package id.dukcapil.portal.signing.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.pdfbox.util.DateConverter;
import org.jspecify.annotations.Nullable;

/**
 * Finds a PDF's signature in the file's own bytes, as a signature check needs them and nothing more: the
 * {@code /ByteRange} that covers the whole file but a hole, the hole holding exactly one hex string (the CMS
 * signature), and the dictionary around it for its sub-filter and signing time. No stream of the file is decoded and
 * no object stream or cross-reference stream is read: a stranger's upload cannot make the check inflate anything
 * (issue 52 item 2, decision 183). The bytes in the range are what the signer signed, wherever the file's structure
 * places them: a viewer reads the same bytes.
 *
 * <p>Work is linear in the file's size: one pass for the ranges, one CMS check (at most one range may cover the
 * whole file), and the parse of one object with a bounded nesting depth.
 */
final class RawSignatureReader {

    private static final String BYTE_RANGE = "/ByteRange";
    /** Nested arrays and dictionaries read at most this deep: a signature dictionary is two levels deep. */
    private static final int MAX_DEPTH = 16;
    private static final int MAX_HEADER_TRIES = 8;
    /** A file signed a few times has as many ranges; past this many, none is taken as the whole file's. */
    private static final int MAX_RANGES = 64;

    private RawSignatureReader() {
    }

    /** What the file's bytes hold. */
    sealed interface Found {
    }

    /** No {@code %%EOF} marker: not a PDF file, whatever its first bytes say. */
    record NotAPdf() implements Found {
    }

    /** A PDF with no {@code /ByteRange}. */
    record Unsigned() implements Found {
    }

    /**
     * A signature, but none that covers the whole file with exactly its signature left out (the file was extended or
     * cut after signing), or more than one that claims to.
     *
     * @param signedAt the signing time of the last range's dictionary, if it could be read
     */
    record NotWhole(@Nullable Instant signedAt) implements Found {
    }

    /**
     * The signature that covers the whole file.
     *
     * @param subFilter the dictionary's {@code /SubFilter}, empty when it has none or the dictionary cannot be read
     */
    record Whole(int[] byteRange, byte[] contents, String subFilter, @Nullable Instant signedAt) implements Found {

        /** The signed bytes: the file without the hole. */
        byte[] signedContent(byte[] pdf) {
            byte[] content = new byte[byteRange[1] + byteRange[3]];
            System.arraycopy(pdf, 0, content, 0, byteRange[1]);
            System.arraycopy(pdf, byteRange[2], content, byteRange[1], byteRange[3]);
            return content;
        }
    }

    static Found read(byte[] pdf) {
        // One byte a character, for String's searches (intrinsics, tens of times faster than a loop over the bytes).
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        if (!text.contains("%%EOF")) {
            return new NotAPdf();
        }
        List<int[]> ranges = new ArrayList<>();
        for (int at = text.indexOf(BYTE_RANGE); at >= 0; at = text.indexOf(BYTE_RANGE, at + BYTE_RANGE.length())) {
            int after = at + BYTE_RANGE.length();
            if (after < pdf.length && !regular(pdf[after])) {
                range(pdf, after).ifPresent(ranges::add);
            }
            if (ranges.size() > MAX_RANGES) {
                return new NotWhole(null);
            }
        }
        if (ranges.isEmpty()) {
            return new Unsigned();
        }
        List<int[]> distinct = new ArrayList<>();
        for (int[] range : ranges) {
            if (coversWholeFile(range, pdf) && distinct.stream().noneMatch(seen -> Arrays.equals(seen, range))) {
                distinct.add(range);
            }
        }
        if (distinct.size() != 1) {
            int[] last = ranges.getLast();
            return new NotWhole(holeInside(last, pdf) ? dictionary(pdf, text, last[1], last[2]).signedAt() : null);
        }
        int[] range = distinct.getFirst();
        SignatureDictionary dictionary = dictionary(pdf, text, range[1], range[2]);
        return new Whole(range, hex(pdf, range[1] + 1, range[2] - 1), dictionary.subFilter(), dictionary.signedAt());
    }

    /** The four integers of {@code [0 a b c]} after the name, if that is what follows it. */
    private static Optional<int[]> range(byte[] pdf, int from) {
        Lexer lexer = new Lexer(pdf, from);
        if (!lexer.skip('[')) {
            return Optional.empty();
        }
        int[] range = new int[4];
        for (int i = 0; i < 4; i++) {
            OptionalLong number = lexer.integer();
            if (number.isEmpty() || number.value() > Integer.MAX_VALUE) {
                return Optional.empty();
            }
            range[i] = (int) number.value();
        }
        return lexer.skip(']') ? Optional.of(range) : Optional.empty();
    }

    /**
     * [0, a) and [b, end of file) with exactly one hex string between a and b: nothing unsigned was added after signing
     * (an incremental update would extend the file past the range), and the hole holds nothing but the signature.
     */
    private static boolean coversWholeFile(int[] range, byte[] pdf) {
        return range[0] == 0 && range[1] > 0 && range[2] > range[1] + 1
                && (long) range[2] + range[3] == pdf.length && holeInside(range, pdf);
    }

    private static boolean holeInside(int[] range, byte[] pdf) {
        if (range[1] <= 0 || range[2] <= range[1] + 1 || range[2] > pdf.length
                || pdf[range[1]] != '<' || pdf[range[2] - 1] != '>') {
            return false;
        }
        for (int i = range[1] + 1; i < range[2] - 1; i++) {
            if (Character.digit(pdf[i], 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] hex(byte[] pdf, int from, int to) {
        byte[] bytes = new byte[(to - from + 1) / 2];
        for (int i = from, n = 0; i < to; i += 2, n++) {
            int high = Character.digit(pdf[i], 16);
            int low = i + 1 < to ? Character.digit(pdf[i + 1], 16) : 0;
            bytes[n] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    record SignatureDictionary(String subFilter, @Nullable Instant signedAt) {

        static final SignatureDictionary UNREADABLE = new SignatureDictionary("", null);
    }

    /**
     * The dictionary whose {@code /Contents} is the hex string at [from, to): the indirect object around it is read from
     * its {@code obj} keyword, and the dictionary found at any depth in it. An {@code obj} inside a string before the
     * hole is passed over, a few at most.
     */
    private static SignatureDictionary dictionary(byte[] pdf, String text, int from, int to) {
        int header = from;
        for (int tries = 0; tries < MAX_HEADER_TRIES && (header = objectHeader(pdf, text, header)) >= 0; tries++) {
            try {
                Optional<Map<String, Object>> found = find(new Lexer(pdf, header + 3).object(0), from, to);
                if (found.isPresent()) {
                    Map<String, Object> dictionary = found.get();
                    return new SignatureDictionary(
                            dictionary.get("SubFilter") instanceof Name name ? name.value() : "",
                            dictionary.get("M") instanceof Text signedAt ? date(signedAt.value()) : null);
                }
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                // not the object around the hole: try the one before
            }
        }
        return SignatureDictionary.UNREADABLE;
    }

    private static Optional<Map<String, Object>> find(Object object, int from, int to) {
        if (object instanceof Dictionary(Map<String, Object> entries)) {
            if (entries.get("Contents") instanceof Text(String ignored, int start, int end) && start == from && end == to) {
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

    static boolean whitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0;
    }

    static boolean delimiter(byte b) {
        return b == '(' || b == ')' || b == '<' || b == '>' || b == '[' || b == ']' || b == '{' || b == '}'
                || b == '/' || b == '%';
    }

    static boolean regular(byte b) {
        return !whitespace(b) && !delimiter(b);
    }

    private record OptionalLong(boolean isEmpty, long value) {
    }

    private record Dictionary(Map<String, Object> entries) {
    }

    private record Name(String value) {
    }

    /** A string's text (Latin-1; a date or a name needs no more) and where it stands in the file, delimiters included. */
    private record Text(String value, int start, int end) {
    }

    private record Other(String token) {
    }

    /** The PDF syntax of one object, over the raw bytes; refuses what it does not understand. */
    private static final class Lexer {

        private final byte[] pdf;
        private int at;

        Lexer(byte[] pdf, int at) {
            this.pdf = pdf;
            this.at = at;
        }

        void skipSpace() {
            while (at < pdf.length) {
                if (whitespace(pdf[at])) {
                    at++;
                } else if (pdf[at] == '%') {
                    while (at < pdf.length && pdf[at] != '\n' && pdf[at] != '\r') {
                        at++;
                    }
                } else {
                    return;
                }
            }
        }

        boolean skip(char expected) {
            skipSpace();
            if (at < pdf.length && pdf[at] == expected) {
                at++;
                return true;
            }
            return false;
        }

        OptionalLong integer() {
            skipSpace();
            int start = at;
            long value = 0;
            while (at < pdf.length && Character.isDigit(pdf[at]) && at - start < 12) {
                value = value * 10 + (pdf[at++] - '0');
            }
            boolean ok = at > start && (at >= pdf.length || !regular(pdf[at]));
            return new OptionalLong(!ok, value);
        }

        Object object(int depth) {
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("nested too deep");
            }
            skipSpace();
            byte b = pdf[at];
            if (b == '<' && pdf[at + 1] == '<') {
                at += 2;
                Map<String, Object> entries = new LinkedHashMap<>();
                while (true) {
                    skipSpace();
                    if (pdf[at] == '>' && pdf[at + 1] == '>') {
                        at += 2;
                        return new Dictionary(entries);
                    }
                    if (!(object(depth + 1) instanceof Name key)) {
                        throw new IllegalArgumentException("a dictionary's key is a name");
                    }
                    entries.put(key.value(), object(depth + 1));
                }
            }
            if (b == '[') {
                at++;
                List<Object> array = new ArrayList<>();
                while (true) {
                    skipSpace();
                    if (pdf[at] == ']') {
                        at++;
                        return array;
                    }
                    array.add(object(depth + 1));
                }
            }
            if (b == '<') {
                int start = at;
                while (pdf[at] != '>') {
                    at++;
                }
                at++;
                return new Text("", start, at);
            }
            if (b == '(') {
                return literal();
            }
            if (b == '/') {
                return name();
            }
            if (regular(b)) {
                int start = at;
                while (at < pdf.length && regular(pdf[at])) {
                    at++;
                }
                String token = new String(pdf, start, at - start, StandardCharsets.ISO_8859_1);
                reference(token);
                return new Other(token);
            }
            throw new IllegalArgumentException("unexpected " + (char) b);
        }

        /** "5 0 R" is one value: after a number, the generation and R are taken with it. */
        private void reference(String token) {
            if (!token.chars().allMatch(Character::isDigit)) {
                return;
            }
            int mark = at;
            OptionalLong generation = integer();
            if (!generation.isEmpty()) {
                skipSpace();
                if (at < pdf.length && pdf[at] == 'R' && (at + 1 >= pdf.length || !regular(pdf[at + 1]))) {
                    at++;
                    return;
                }
            }
            at = mark;
        }

        private Name name() {
            at++;
            StringBuilder name = new StringBuilder();
            while (at < pdf.length && regular(pdf[at])) {
                if (pdf[at] == '#' && at + 2 < pdf.length && Character.digit(pdf[at + 1], 16) >= 0
                        && Character.digit(pdf[at + 2], 16) >= 0) {
                    name.append((char) (Character.digit(pdf[at + 1], 16) << 4 | Character.digit(pdf[at + 2], 16)));
                    at += 3;
                } else {
                    name.append((char) (pdf[at++] & 0xff));
                }
            }
            return new Name(name.toString());
        }

        private Text literal() {
            int start = at++;
            int open = 1;
            StringBuilder text = new StringBuilder();
            while (open > 0) {
                byte b = pdf[at++];
                if (b == '\\') {
                    byte escaped = pdf[at++];
                    switch (escaped) {
                        case 'n' -> text.append('\n');
                        case 'r' -> text.append('\r');
                        case 't' -> text.append('\t');
                        case 'b' -> text.append('\b');
                        case 'f' -> text.append('\f');
                        case '\r', '\n' -> {
                            if (escaped == '\r' && pdf[at] == '\n') {
                                at++;
                            }
                        }
                        default -> {
                            if (escaped >= '0' && escaped <= '7') {
                                int value = escaped - '0';
                                for (int i = 0; i < 2 && pdf[at] >= '0' && pdf[at] <= '7'; i++) {
                                    value = value * 8 + (pdf[at++] - '0');
                                }
                                text.append((char) (value & 0xff));
                            } else {
                                text.append((char) (escaped & 0xff));
                            }
                        }
                    }
                    continue;
                }
                if (b == '(') {
                    open++;
                } else if (b == ')' && --open == 0) {
                    break;
                }
                text.append((char) (b & 0xff));
            }
            return new Text(text.toString(), start, at);
        }
    }
}

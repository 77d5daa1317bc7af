package id.dukcapil.portal.signing.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PDF syntax of one object, over a file's raw bytes: dictionaries, arrays, names, strings, numbers and references,
 * nested at most {@value #MAX_DEPTH} deep (a signature dictionary is two levels deep). Refuses what it does not
 * understand with an {@link IllegalArgumentException} or {@link IndexOutOfBoundsException}; decodes no stream, so a
 * stranger's upload cannot make it inflate anything (decision 183).
 */
final class PdfObjectLexer {

    /** Nested arrays and dictionaries read at most this deep: a signature dictionary is two levels deep. */
    static final int MAX_DEPTH = 16;

    /** A non-negative integer of at most 12 digits, or none where the syntax has none. */
    record OptionalLong(boolean isEmpty, long value) {
    }

    record Dictionary(Map<String, Object> entries) {
    }

    record Name(String value) {
    }

    /** A string's text (Latin-1; a date or a name needs no more) and where it stands in the file, delimiters included. */
    record Text(String value, int start, int end) {
    }

    /** A number, a keyword or a reference: only their place matters here. */
    record Other(String token) {
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

    private final byte[] pdf;
    private int at;

    PdfObjectLexer(byte[] pdf, int at) {
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

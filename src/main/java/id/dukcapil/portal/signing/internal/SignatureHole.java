package id.dukcapil.portal.signing.internal;

import java.util.Optional;

/**
 * A {@code /ByteRange}'s four numbers and the hole they leave in the file, checked against the file's bounds before
 * any byte is taken from it: [0, a) and [b, end of file) with exactly one hex string (the CMS signature) in [a, b).
 */
final class SignatureHole {

    private SignatureHole() {
    }

    /** The four integers of {@code [0 a b c]} after the name, if that is what follows it. */
    static Optional<int[]> range(byte[] pdf, int from) {
        PdfObjectLexer lexer = new PdfObjectLexer(pdf, from);
        if (!lexer.skip('[')) {
            return Optional.empty();
        }
        int[] range = new int[4];
        for (int i = 0; i < 4; i++) {
            PdfObjectLexer.OptionalLong number = lexer.integer();
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
    static boolean coversWholeFile(int[] range, byte[] pdf) {
        return range[0] == 0 && range[1] > 0 && range[2] > range[1] + 1
                && (long) range[2] + range[3] == pdf.length && holeInside(range, pdf);
    }

    /** The hole [a, b) lies in the file and holds one hex string, whatever the rest of the range says. */
    static boolean holeInside(int[] range, byte[] pdf) {
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

    /** The bytes of the hex digits in [from, to); an odd last digit is its high half, as PDF reads it. */
    static byte[] hex(byte[] pdf, int from, int to) {
        byte[] bytes = new byte[(to - from + 1) / 2];
        for (int i = from, n = 0; i < to; i += 2, n++) {
            int high = Character.digit(pdf[i], 16);
            int low = i + 1 < to ? Character.digit(pdf[i + 1], 16) : 0;
            bytes[n] = (byte) (high << 4 | low);
        }
        return bytes;
    }
}

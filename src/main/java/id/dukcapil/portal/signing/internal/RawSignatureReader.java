package id.dukcapil.portal.signing.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 * whole file), and the parse of one object with a bounded nesting depth. This class decides which range is the
 * file's signature; the range's bounds and hole are {@link SignatureHole}'s, the dictionary around the hole
 * {@link SignatureDictionaryReader}'s, the PDF syntax {@link PdfObjectLexer}'s; the CMS check is the caller's.
 */
final class RawSignatureReader {

    private static final String BYTE_RANGE = "/ByteRange";
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
            if (after < pdf.length && !PdfObjectLexer.regular(pdf[after])) {
                SignatureHole.range(pdf, after).ifPresent(ranges::add);
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
            if (SignatureHole.coversWholeFile(range, pdf)
                    && distinct.stream().noneMatch(seen -> Arrays.equals(seen, range))) {
                distinct.add(range);
            }
        }
        if (distinct.size() != 1) {
            int[] last = ranges.getLast();
            return new NotWhole(SignatureHole.holeInside(last, pdf)
                    ? SignatureDictionaryReader.around(pdf, text, last[1], last[2]).signedAt() : null);
        }
        int[] range = distinct.getFirst();
        var dictionary = SignatureDictionaryReader.around(pdf, text, range[1], range[2]);
        return new Whole(range, SignatureHole.hex(pdf, range[1] + 1, range[2] - 1), dictionary.subFilter(),
                dictionary.signedAt());
    }
}

package id.dukcapil.portal.signing.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** What an upload really is, by its first bytes, whatever its name or declared type says. */
public final class PdfSniffer {

    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private PdfSniffer() {
    }

    public static boolean looksLikePdf(byte[] bytes) {
        return bytes.length > MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }
}

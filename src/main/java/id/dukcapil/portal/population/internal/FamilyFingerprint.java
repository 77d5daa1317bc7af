package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.population.extract.CheckedRow;
import id.dukcapil.portal.population.extract.ExtractFamily;
import id.dukcapil.portal.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * What a family's extract rows say, hashed: the same rows give the same fingerprint, so a refresh sees an unchanged
 * family without reading its members (decision 107). The values are hashed as the file has them (trimmed), before
 * parsing: what the register holds is a function of them, and the same family written differently (RT "1" or "001")
 * only costs one comparison member by member.
 */
final class FamilyFingerprint {

    /** Hex characters kept: 128 bits, the column's width. */
    static final int LENGTH = 32;
    private static final byte UNIT_SEPARATOR = 0x1f;
    private static final byte RECORD_SEPARATOR = 0x1e;

    private FamilyFingerprint() {
    }

    static String of(ExtractFamily family) {
        MessageDigest digest = Sha256.newDigest();
        for (CheckedRow row : family.rows()) {
            for (String value : row.row().values()) {
                digest.update(value.getBytes(StandardCharsets.UTF_8));
                digest.update(UNIT_SEPARATOR);
            }
            digest.update(RECORD_SEPARATOR);
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, LENGTH);
    }
}

package id.dukcapil.portal.signing;

import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;

/** Identity and subject numbers of any procedure's documents, as every screen shows them. */
public final class Masked {

    private Masked() {
    }

    /** A NIK or a KK number masked as the portal always masks it; another number with all but its last four hidden. */
    public static String identity(String number) {
        try {
            return Nik.of(number).masked();
        } catch (RuntimeException notANik) {
            try {
                return KkNumber.of(number).masked();
            } catch (RuntimeException notAKkNumber) {
                int shown = Math.max(0, number.length() - 4);
                return "*".repeat(shown) + number.substring(shown);
            }
        }
    }
}

package id.dukcapil.portal.signing;

/**
 * The form of a TOTP from BSrE's BeSign app (RFC 6238): six decimal digits. BSrE checks the code itself; the portal
 * refuses only what cannot be one, at the field and again at the signer.
 */
public final class Totp {

    /** Digits of a BeSign code: the field's length and the check's. */
    public static final int DIGITS = 6;

    private Totp() {
    }

    public static boolean wellFormed(char[] code) {
        if (code.length != DIGITS) {
            return false;
        }
        for (char c : code) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}

package id.dukcapil.portal.shared.secret;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature an outpost puts on what it brings back (issue 53, decisions 196 and 200): HMAC-SHA256 of the bundle's
 * canonical bytes with the checkout's secret, hex. One code for every kind of work an outpost takes.
 */
public final class BundleSignature {

    private static final String HMAC = "HmacSHA256";

    private BundleSignature() {
    }

    /** The signature of the bytes with the secret (hex, 32 bytes). */
    public static String sign(byte[] canonical, String secretHex) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(secretHex), HMAC));
            return HexFormat.of().formatHex(mac.doFinal(canonical));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the signature is the bytes' with the secret. Compared in constant time: the comparison tells nothing of
     * how much of a forged signature was right.
     */
    public static boolean matches(byte[] canonical, String secretHex, String signature) {
        if (signature == null || !signature.matches("[0-9a-fA-F]{64}")) {
            return false;
        }
        return MessageDigest.isEqual(HexFormat.of().parseHex(sign(canonical, secretHex)),
                HexFormat.of().parseHex(signature));
    }
}

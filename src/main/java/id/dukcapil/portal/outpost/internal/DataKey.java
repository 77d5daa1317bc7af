package id.dukcapil.portal.outpost.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** The outpost's data key (AES-256): seals a text with AES-GCM, a fresh nonce each time, and opens it again. */
public final class DataKey {

    private static final String SEAL = "AES/GCM/NoPadding";
    private static final String INDEX = "HmacSHA256";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    DataKey(SecretKey key) {
        this.key = key;
    }

    SecretKey secretKey() {
        return key;
    }

    /**
     * The text sealed, base64, bound to where it is kept ({@code context}: table, column, row): sealed text moved to
     * another row or column opens nothing.
     */
    public String seal(String plain, String context) {
        byte[] bytes = plain.getBytes(StandardCharsets.UTF_8);
        try {
            return Base64.getEncoder().encodeToString(seal(key, bytes, context.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK's AES-GCM failed", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The text a {@link #seal} with this key and context gave. */
    public String open(String sealed, String context) {
        try {
            return new String(open(key, Base64.getDecoder().decode(sealed), context.getBytes(StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealed data this key did not seal", e);
        }
    }

    /**
     * A keyed hash of the value (HMAC-SHA256 under a key derived from this one for the {@code context}), hex: a
     * sealed column found by equality, and read by nobody without the key.
     */
    public String index(String value, String context) {
        try {
            Mac derive = Mac.getInstance(INDEX);
            derive.init(key);
            byte[] derived = derive.doFinal(("outpost index:" + context).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance(INDEX);
            mac.init(new javax.crypto.spec.SecretKeySpec(derived, INDEX));
            Arrays.fill(derived, (byte) 0);
            return java.util.HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK's HMAC-SHA256 failed", e);
        }
    }

    static byte[] seal(SecretKey with, byte[] plain, byte[] context) throws GeneralSecurityException {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        Cipher cipher = Cipher.getInstance(SEAL);
        cipher.init(Cipher.ENCRYPT_MODE, with, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(context);
        byte[] sealed = cipher.doFinal(plain);
        return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    }

    static byte[] open(SecretKey with, byte[] sealed, byte[] context) throws GeneralSecurityException {
        if (sealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new AEADBadTagException("too short");
        }
        Cipher cipher = Cipher.getInstance(SEAL);
        cipher.init(Cipher.DECRYPT_MODE, with, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
        cipher.updateAAD(context);
        return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
    }
}

package id.dukcapil.portal.signing.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import id.dukcapil.portal.shared.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * Seals the uploaded PKCS#12 files with AES-GCM under a key from the environment, so that a copy of the database
 * alone holds no usable key file (the file is also protected by its own passphrase, which the portal never keeps).
 */
@Component
public class Sealer {

    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    Sealer(SigningProperties properties) {
        this.key = properties.storageKey().isBlank() ? new byte[0] : Base64.getDecoder().decode(properties.storageKey());
        if (key.length != 0 && key.length != 16 && key.length != 32) {
            throw new IllegalStateException("portal.signing.storage-key must be 16 or 32 bytes, base64");
        }
    }

    public byte[] seal(byte[] plain) {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_LENGTH + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] open(byte[] sealed) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(sealed, NONCE_LENGTH));
            return cipher.doFinal(sealed, NONCE_LENGTH, sealed.length - NONCE_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored key file cannot be opened with this storage key", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        if (key.length == 0) {
            throw new RuleViolation("signing.storage-key.missing");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }
}

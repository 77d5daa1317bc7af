package id.dukcapil.portal.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import id.dukcapil.portal.shared.secret.KeyFile;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The key of the audit chain's HMAC, kept outside the database: {@code portal.audit.chain-key} (base64), or else
 * {@code <data-dir>/audit-chain.key}, made at first start and readable by the portal's user only. Whoever can
 * write the database but not read this key cannot forge an entry the verifier accepts.
 */
@Component
public class AuditChainKey {

    static final String FILE_NAME = "audit-chain.key";

    private final SecretKeySpec key;
    private final String id;

    AuditChainKey(AuditProperties properties) {
        byte[] bytes = KeyFile.read(properties.chainKey(), properties.dataDir().resolve(FILE_NAME),
                "the audit chain key");
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.id = fingerprint(bytes);
    }

    /** A fingerprint that names the key in each entry (16 hex digits), from which the key cannot be found. */
    public String id() {
        return id;
    }

    public Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    private static String fingerprint(byte[] bytes) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("dukcapil-audit-key-id:".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha256.digest(bytes), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

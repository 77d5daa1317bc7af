package id.dukcapil.portal.audit.internal;

import id.dukcapil.portal.shared.Sha256;
import id.dukcapil.portal.shared.secret.KeyFile;
import id.dukcapil.portal.shared.secret.NodeScope;
import id.dukcapil.portal.shared.secret.SharedSetting;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The key of the audit chain's HMAC, kept outside the database: {@code portal.audit.chain-key} (base64), or else,
 * with the embedded database only, {@code <data-dir>/audit-chain.key}, made at first start and readable by the
 * portal's user only. With an external database the key must be configured (the start is refused without it): every
 * node appends to the one chain, and entries signed under two keys would not verify as one log. Whoever can write
 * the database but not read this key cannot forge an entry the verifier accepts.
 */
@Component
public class AuditChainKey {

    static final String FILE_NAME = "audit-chain.key";
    static final SharedSetting SETTING = new SharedSetting("the audit chain key", "AUDIT_CHAIN_KEY",
            "portal.audit.chain-key");

    private final SecretKeySpec key;
    private final String id;

    AuditChainKey(AuditProperties properties, NodeScope scope) {
        byte[] bytes = KeyFile.read(properties.chainKey(), SETTING, properties.dataDir().resolve(FILE_NAME), scope);
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
        MessageDigest sha256 = Sha256.newDigest();
        sha256.update("dukcapil-audit-key-id:".getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(sha256.digest(bytes), 0, 8);
    }
}

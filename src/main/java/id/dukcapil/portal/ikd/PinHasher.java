package id.dukcapil.portal.ikd;

import id.dukcapil.portal.shared.secret.KeyFile;
import id.dukcapil.portal.shared.secret.NodeScope;
import id.dukcapil.portal.shared.secret.SharedSetting;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The activation PIN's hash: HMAC-SHA256 under a key kept outside the database, bound to the registration
 * (decision 086). A six-digit PIN has a million values, so a slow hash (bcrypt) protects it from a database thief
 * only for hours while costing every scan and activation 80 ms of CPU; a keyed hash cannot be tested offline at all
 * without the key, and costs microseconds. Guessing online stays throttled: five wrong PINs lock. The key comes from
 * {@code IKD_PIN_KEY}; only a node alone on its embedded database may make one in its data folder, since a PIN hashed
 * under one node's key fails on every other.
 */
@Component
class PinHasher {

    static final String FILE_NAME = "ikd-pin.key";
    static final SharedSetting SETTING = new SharedSetting("the IKD PIN key", "IKD_PIN_KEY", "portal.ikd.pin-key");
    private static final String PREFIX = "{hmac-sha256}";

    private final SecretKeySpec key;

    PinHasher(@Value("${portal.ikd.pin-key}") String configured,
              @Value("${portal.audit.data-dir}") Path dataDir, NodeScope scope) {
        this.key = new SecretKeySpec(KeyFile.read(configured, SETTING, dataDir.resolve(FILE_NAME), scope),
                "HmacSHA256");
    }

    String hash(String registrationCode, String pin) {
        return PREFIX + HexFormat.of().formatHex(mac(registrationCode, pin));
    }

    boolean matches(String registrationCode, String pin, String hash) {
        if (!hash.startsWith(PREFIX)) {
            return false;
        }
        byte[] expected = HexFormat.of().parseHex(hash.substring(PREFIX.length()));
        return MessageDigest.isEqual(expected, mac(registrationCode, pin));
    }

    private byte[] mac(String registrationCode, String pin) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((registrationCode + ":" + pin).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }
}

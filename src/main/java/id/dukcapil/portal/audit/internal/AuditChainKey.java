package id.dukcapil.portal.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The key of the audit chain's HMAC, kept outside the database: {@code portal.audit.chain-key} (base64), or else
 * {@code <data-dir>/audit-chain.key}, made at first start and readable by the portal's user only. Whoever can
 * write the database but not read this key cannot forge an entry the verifier accepts.
 */
@Component
public class AuditChainKey {

    static final String FILE_NAME = "audit-chain.key";
    private static final int MIN_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(AuditChainKey.class);

    private final SecretKeySpec key;
    private final String id;

    AuditChainKey(AuditProperties properties) {
        byte[] bytes = StringUtils.hasText(properties.chainKey())
                ? decode(properties.chainKey(), "portal.audit.chain-key")
                : fromFile(properties.dataDir().resolve(FILE_NAME));
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException("The audit chain key must have at least " + MIN_BYTES + " bytes");
        }
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

    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the audit chain key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] bytes = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(bytes);
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            return; // another node made it first
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
        log.warn("Made a new audit chain key in {}: keep a copy of it away from the database (backup)", file.toAbsolutePath());
    }

    private static byte[] decode(String base64, String source) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The audit chain key in " + source + " is not base64", e);
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

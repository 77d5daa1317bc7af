package id.dukcapil.portal.shared.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

/**
 * A secret key kept outside the database: the configured value (base64), or else, on a node alone on its embedded
 * database ({@link NodeScope}), a file made at first start with 32 random bytes and readable by the portal's user
 * only. Whoever reads the database (or a backup of it) but not this key cannot forge what it signs nor test guesses
 * against what it hashes. With an external database the key must be configured: a file made per node would give
 * each node a key of its own.
 */
public final class KeyFile {

    public static final int MIN_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(KeyFile.class);

    private KeyFile() {
    }

    /**
     * @param configured the configured key (base64), or blank
     * @param setting    the setting that configures it, for the messages
     * @param file       where the key is kept if none is configured and the node is alone on its database
     * @throws MissingSharedSetting with an external database and no key configured
     */
    public static byte[] read(@Nullable String configured, SharedSetting setting, Path file, NodeScope scope) {
        byte[] bytes;
        if (StringUtils.hasText(configured)) {
            bytes = decode(configured, setting.what(), setting.variable());
        } else if (scope.aloneOnItsDatabase()) {
            bytes = fromFile(file, setting.what());
        } else {
            throw new MissingSharedSetting(setting, "Set it to a base64 key of " + MIN_BYTES + " bytes or more "
                    + "(openssl rand -base64 " + MIN_BYTES + "), the same on every node."
                    + (Files.exists(file) ? " This node keeps one in " + file.toAbsolutePath() + ", made when it was"
                    + " alone: set " + setting.variable() + " to that file's content, so that what it signed or"
                    + " hashed stays valid." : ""));
        }
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException(setting.what() + " must have at least " + MIN_BYTES + " bytes");
        }
        return bytes;
    }

    private static byte[] fromFile(Path file, String name) {
        try {
            if (!Files.exists(file)) {
                create(file, name);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), name, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + name + " " + file, e);
        }
    }

    private static void create(Path file, String name) throws IOException {
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
            return; // another process made it first
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
        log.warn("Made {} in {}: keep a copy of it away from the database (backup)", name, file.toAbsolutePath());
    }

    private static byte[] decode(String base64, String name, String source) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " in " + source + " is not base64", e);
        }
    }
}

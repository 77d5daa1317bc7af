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
 * A secret key kept outside the database: the configured value (base64), or else a file made at first start with
 * 32 random bytes and readable by the portal's user only. Whoever reads the database (or a backup of it) but not
 * this key cannot forge what it signs nor test guesses against what it hashes. Several nodes share it through the
 * configuration.
 */
public final class KeyFile {

    public static final int MIN_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(KeyFile.class);

    private KeyFile() {
    }

    /**
     * @param configured the configured key (base64), or blank
     * @param file       where the key is kept if none is configured
     * @param name       what the key is for, as messages name it ("the audit chain key")
     */
    public static byte[] read(@Nullable String configured, Path file, String name) {
        byte[] bytes = StringUtils.hasText(configured) ? decode(configured, name, "the configuration")
                : fromFile(file, name);
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException(name + " must have at least " + MIN_BYTES + " bytes");
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
        log.warn("Made a new {} in {}: keep a copy of it away from the database (backup)", name, file.toAbsolutePath());
    }

    private static byte[] decode(String base64, String name, String source) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " in " + source + " is not base64", e);
        }
    }
}

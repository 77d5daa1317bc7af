package id.dukcapil.portal.shared.internal.db;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's passwords, generated at the first start and kept beside the data they protect (in the data
 * folder, readable by its owner only): the portal's own account and root's, for an administrator's client.
 */
record DbCredentials(String appPassword, String rootPassword) {

    static final String FILE_NAME = "portal-db-credentials.properties";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Logger log = LoggerFactory.getLogger(DbCredentials.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    static DbCredentials loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                ownerOnly(file);
                Properties stored = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    stored.load(reader);
                }
                String app = stored.getProperty("app.password", "");
                String root = stored.getProperty("root.password", "");
                if (!app.isBlank() && !root.isBlank()) {
                    return new DbCredentials(app, root);
                }
                log.warn("{} has no passwords; new ones are generated", file);
            }
            DbCredentials created = new DbCredentials(generated(), generated());
            Properties properties = new Properties();
            properties.setProperty("app.user", EmbeddedMariaDb.APP_USER);
            properties.setProperty("app.password", created.appPassword());
            properties.setProperty("root.password", created.rootPassword());
            Path written = Files.createTempFile(dataDir, ".credentials", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try (Writer writer = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
                properties.store(writer, "The embedded MariaDB's accounts (generated at the first start; keep this file"
                        + " with the data folder). Client: mariadb -h 127.0.0.1 -P <port> -u root -p");
            }
            Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the embedded database's passwords in " + file, e);
        }
    }

    /** A file readable by others is tightened, not refused: the server is locked down either way from now on. */
    private static void ownerOnly(Path file) throws IOException {
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            log.warn("{} was readable by others; now by its owner only", file);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    /** 32 random characters of [A-Za-z0-9_-]: nothing that needs quoting in SQL or a properties file. */
    private static String generated() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "DbCredentials[****]";
    }
}

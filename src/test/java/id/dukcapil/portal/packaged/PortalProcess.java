package id.dukcapil.portal.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.FreePorts;
import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The packaged portal as an office runs it ({@code java -jar}, demo profile, embedded MariaDB under {@code ./data}),
 * in a folder of its own, as a separate process that a test can kill like a power cut would: the JVM
 * ({@code kill -9}) or its database server. With {@code DB_URL} in its environment it runs on that server instead
 * (the cluster suite's nodes). The crash suite's and the cluster suite's.
 */
public final class PortalProcess implements Database {

    public static final Duration READY_WITHIN = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path jar;
    private final Path folder;
    private final int port;
    private final Map<String, String> env;
    private final List<String> arguments;
    private final String profile;
    private Process process;
    private int starts;

    public PortalProcess(Path folder, Map<String, String> env, String... arguments) throws IOException {
        this("demo", folder, env, arguments);
    }

    /**
     * The same under another Spring profile ({@code outpost}: a field team's laptop, decision 199), without the demo
     * data; only the demo profile is told to fill its data before it is ready.
     */
    public PortalProcess(String profile, Path folder, Map<String, String> env, String... arguments) throws IOException {
        this.profile = profile;
        this.jar = Path.of(System.getProperty("portal.jar", "target/dukcapil-portal-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged jar (run through ./mvnw -Pcrash verify)").exists();
        this.folder = Files.createDirectories(folder).toAbsolutePath();
        this.port = FreePorts.next();
        this.env = new HashMap<>(env);
        this.arguments = List.of(arguments);
    }

    /** Starts the portal; returns once it is ready (readiness probe 200), with the milliseconds that took. */
    public long start() throws Exception {
        return start(new String[0]);
    }

    /** The same with arguments for this start only ({@code --restore=...}). */
    public long start(String... once) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        Arrays.stream(System.getProperty("portal.jvm-args", "").split("\\s+")).filter(option -> !option.isBlank())
                .forEach(command::add);
        // The suites use and count the demo data the moment the portal is ready (decision 137).
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--management.server.port=0",
                "--spring.profiles.active=" + profile, "--logging.level.root=warn", "--logging.level.id.dukcapil=info"));
        if (profile.equals("demo")) {
            command.add("--portal.demo.fill=at-start");
        }
        command.addAll(arguments);
        command.addAll(List.of(once));
        Path log = folder.resolve("portal-" + (++starts) + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("DB_URL");
        // The suites play the office's proxy on this machine (X-Forwarded-For names each phone); env may say otherwise.
        builder.environment().put("TRUSTED_PROXIES", "127.0.0.1,::1");
        builder.environment().putAll(env);
        long started = System.nanoTime();
        process = builder.start();
        long deadline = started + READY_WITHIN.toNanos();
        while (status("/readyz") != 200) {
            assertThat(process.isAlive()).as("the portal is running; see " + log).isTrue();
            assertThat(System.nanoTime()).as("ready within " + READY_WITHIN + "; see " + log).isLessThan(deadline);
            Thread.sleep(100);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** The log of the last start. */
    public Path log() {
        return folder.resolve("portal-" + starts + ".log");
    }

    /** kill -9 of the portal's JVM: no shutdown hook, no Spring shutdown handler runs. */
    public void killJvm() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    /** An orderly stop (SIGTERM), as a service manager stops it. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        mysqld().ifPresent(left -> {
            left.destroy();
            left.onExit().join();
        });
    }

    /** The portal's JVM while it runs (its CPU time, its end). */
    public Optional<ProcessHandle> jvm() {
        return process != null && process.isAlive() ? Optional.of(process.toHandle()) : Optional.empty();
    }

    public Path dataDir() throws IOException {
        return folder.resolve("data/mariadb").toRealPath();
    }

    /** The embedded MariaDB server of this portal's data folder, if one runs. */
    public Optional<ProcessHandle> mysqld() {
        String datadir;
        try {
            datadir = "--datadir=" + dataDir();
        } catch (IOException e) {
            return Optional.empty();
        }
        return ProcessHandle.allProcesses().filter(candidate -> candidate.info().command().orElse("").endsWith("/mariadbd")
                        && Arrays.asList(candidate.info().arguments().orElse(new String[0])).contains(datadir))
                .findFirst();
    }

    /** The port the portal's database server listens on (from its command line). */
    public int databasePort() {
        return databasePort(mysqld().orElseThrow());
    }

    /** The port an embedded database server listens on (from its command line). */
    public static int databasePort(ProcessHandle server) {
        return Arrays.stream(server.info().arguments().orElseThrow()).filter(argument -> argument.startsWith("--port="))
                .map(argument -> Integer.parseInt(argument.substring("--port=".length()))).findFirst().orElseThrow();
    }

    public boolean databaseAcceptsConnections(int databasePort) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", databasePort), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A connection as the portal's own account, with the password it keeps in its data folder. */
    @Override
    public Connection database() throws IOException, SQLException {
        return database(dataDir(), databasePort());
    }

    /** A connection to the embedded server of {@code dataDir} as the portal's account, with the password kept there. */
    public static Connection database(Path dataDir, int port) throws IOException, SQLException {
        Properties credentials = databaseCredentials(dataDir);
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/dukcapil",
                credentials.getProperty("app.user"), credentials.getProperty("app.password"));
    }

    /** The embedded server's accounts, as the portal keeps them in {@code dataDir} ({@code app.*}, {@code root.*}). */
    static Properties databaseCredentials(Path dataDir) throws IOException {
        Properties credentials = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve("portal-db-credentials.properties"),
                StandardCharsets.UTF_8)) {
            credentials.load(reader);
        }
        return credentials;
    }

    public int status(String path) {
        return get(path).map(HttpResponse::statusCode).orElse(-1);
    }

    public Optional<HttpResponse<String>> get(String path) {
        return send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(30)).build());
    }

    public Optional<HttpResponse<String>> send(HttpRequest request) {
        try {
            return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public Path folder() {
        return folder;
    }

}

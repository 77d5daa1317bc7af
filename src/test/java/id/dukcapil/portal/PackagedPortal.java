package id.dukcapil.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar run as the README's production command runs it ({@code java -jar} with the pom's
 * {@code portal.jvm-args}, demo profile) in a folder of its own, for the benchmarks that measure the portal as an
 * office starts it. Started by {@link #start}, which returns once the sign-in page answers 200; stopped by close.
 */
public final class PackagedPortal implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public final int port;
    public final Path log;
    /** From the process's start to the sign-in page answering. */
    public final long readyMillis;
    private final Process process;

    private PackagedPortal(int port, Path log, long readyMillis, Process process) {
        this.port = port;
        this.log = log;
        this.readyMillis = readyMillis;
        this.process = process;
    }

    /** The jar the benchmark profile packaged (see docs/benchmarks.md). */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("portal.jar", "target/dukcapil-portal-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the packaged jar (run through ./mvnw -Pbenchmark verify)").exists();
        return jar;
    }

    /**
     * A new folder for a started portal's files under target/: the portal refuses to keep its embedded database
     * under the system's temporary directory, which may be emptied.
     */
    public static Path newFolder(String prefix) throws IOException {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), prefix);
    }

    /** Starts the jar in the demo profile in {@code workingDir}, with {@code env} added to the environment. */
    public static PackagedPortal start(Path jar, Path workingDir, Map<String, String> env) throws Exception {
        return start(jar, workingDir, env, List.of());
    }

    /** The same, with JVM options of its own besides the pom's (an AOT cache). */
    public static PackagedPortal start(Path jar, Path workingDir, Map<String, String> env, List<String> jvmOptions)
            throws Exception {
        Files.createDirectories(workingDir);
        int port = freePort();
        Path log = workingDir.resolve("portal.log");
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(List.of(System.getProperty("portal.jvm-args", "").split("\\s+")).stream()
                .filter(option -> !option.isBlank()).toList());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
                "--spring.profiles.active=demo"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("DB_URL");
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        PackagedPortal portal = new PackagedPortal(port, log, 0, process);
        try {
            long deadline = started + READY_WITHIN.toNanos();
            while (!answers(port)) {
                assertThat(process.isAlive()).as("the portal is running; see " + log).isTrue();
                assertThat(System.nanoTime()).as("ready within " + READY_WITHIN).isLessThan(deadline);
                Thread.sleep(100);
            }
            return new PackagedPortal(port, log, (System.nanoTime() - started) / 1_000_000, process);
        } catch (Exception | AssertionError notReady) {
            portal.close();
            throw notReady;
        }
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static boolean answers(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package id.dukcapil.portal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.packaged.Database;
import id.dukcapil.portal.packaged.PortalProcess;
import java.io.IOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged jar run as the production command of docs/operations.md runs it ({@code java -jar} with the pom's
 * {@code portal.jvm-args}, demo profile) in a folder of its own, for the benchmarks that measure the portal as an
 * office starts it (or any application started the same way, by {@link #launch}). Started by {@link #start}, which
 * returns once readiness answers 200; stopped by close.
 */
public final class PackagedPortal implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public final int port;
    public final Path log;
    /** From the process's start to its readiness answering 200. */
    public final long readyMillis;
    private final Process process;
    private final long startedNanos;

    private PackagedPortal(int port, Path log, long readyMillis, Process process, long startedNanos) {
        this.port = port;
        this.log = log;
        this.readyMillis = readyMillis;
        this.process = process;
        this.startedNanos = startedNanos;
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
        return launch(workingDir, env, jvmOptions,
                List.of("-jar", jar.toAbsolutePath().toString(), "--spring.profiles.active=demo"));
    }

    /**
     * Starts {@code java} with the pom's JVM options, {@code jvmOptions} and {@code program} (a jar or a class path
     * and main class, and its arguments) on a free port, and waits until the application says it is ready.
     */
    public static PackagedPortal launch(Path workingDir, Map<String, String> env, List<String> jvmOptions,
            List<String> program) throws Exception {
        Files.createDirectories(workingDir);
        int port = FreePorts.next();
        Path log = workingDir.resolve("portal-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(List.of(System.getProperty("portal.jvm-args", "").split("\\s+")).stream()
                .filter(option -> !option.isBlank()).toList());
        command.addAll(jvmOptions);
        command.addAll(program);
        command.add("--server.port=" + port);
        // Several portals on one machine: each management port is the system's choice (decision 178).
        command.add("--management.server.port=0");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("DB_URL");
        // The suites play the office's proxy on this machine (X-Forwarded-For names each phone); env may say otherwise.
        builder.environment().put("TRUSTED_PROXIES", "127.0.0.1,::1");
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        PackagedPortal portal = new PackagedPortal(port, log, 0, process, started);
        try {
            long deadline = started + READY_WITHIN.toNanos();
            while (!ready(port)) {
                assertThat(process.isAlive()).as("the application is running; see " + log).isTrue();
                assertThat(System.nanoTime()).as("ready within " + READY_WITHIN).isLessThan(deadline);
                Thread.sleep(50);
            }
            return new PackagedPortal(port, log, (System.nanoTime() - started) / 1_000_000, process, started);
        } catch (Exception | AssertionError notReady) {
            portal.close();
            throw notReady;
        }
    }

    /** Waits until the log has {@code line}; answers the milliseconds from the process's start to then. */
    public long millisUntilLogged(String line) throws Exception {
        long deadline = startedNanos + READY_WITHIN.toNanos();
        while (!Files.readString(log).contains(line)) {
            assertThat(process.isAlive()).as("the application is running; see " + log).isTrue();
            assertThat(System.nanoTime()).as("'" + line + "' logged within " + READY_WITHIN).isLessThan(deadline);
            Thread.sleep(50);
        }
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Heap in use after a full collection, as the JVM itself reports it. */
    public long heapUsedMiB() throws Exception {
        String jcmd = Path.of(javaExecutable()).resolveSibling("jcmd").toString();
        new ProcessBuilder(jcmd, Long.toString(pid()), "GC.run").start().waitFor();
        Process info = new ProcessBuilder(jcmd, Long.toString(pid()), "GC.heap_info").redirectErrorStream(true).start();
        String text = new String(info.getInputStream().readAllBytes());
        info.waitFor();
        Matcher used = Pattern.compile("used (\\d+)K").matcher(text);
        return used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
    }

    /** CPU time spent so far by the node: the JVM and its child processes (the embedded MariaDB). */
    public long cpuMillisWithChildren() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .mapToLong(handle -> handle.info().totalCpuDuration().map(Duration::toMillis).orElse(0L)).sum();
    }

    /** Its embedded database, as the portal's own account: what a benchmark prepares before it measures. */
    public Database database() {
        return () -> PortalProcess.database(log.getParent().resolve("data/mariadb").toRealPath(),
                PortalProcess.databasePort(process.descendants()
                        .filter(child -> child.info().command().orElse("").endsWith("/mariadbd")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no embedded database server runs"))));
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

    /** Readiness as the load balancer asks for it: the database reachable and the application taking traffic. */
    private static boolean ready(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
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

}

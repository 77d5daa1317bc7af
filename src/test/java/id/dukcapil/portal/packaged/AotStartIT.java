package id.dukcapil.portal.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.ExternalMariaDb;
import id.dukcapil.portal.FreePorts;
import id.dukcapil.portal.PackagedPortal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The production jar's fast start (docs/fast-start.md): the jar extracted, one training run that writes JDK 25's AOT
 * cache, then every start with {@code -XX:AOTCache} (here with {@code -XX:AOTMode=on}, which refuses to start when the
 * cache cannot be used: what is asserted is the cache's start, not a silent start without it). An office's settings,
 * its own mail server, channels, port or external database, the demo profile, BSrE's signer that refuses to start
 * without its settings: each as a start without the cache would be. An office's starts, the training run's included,
 * write none of its secrets to their logs.
 */
class AotStartIT {

    /** Spring's AOT code path is gone (decision 172): no start runs AOT-processed bean definitions. */
    private static final String AOT_PROCESSED = "Starting AOT-processed";
    private static final Map<String, String> OFFICE = Map.of(
            "PORTAL_ADMIN_USERNAME", "rina", "PORTAL_ADMIN_PASSWORD", "a-Strong-passw0rd");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path folder;
    private static Path jar;
    private static Path cache;
    /** The training run, made in the office's folder before its first start. */
    private static Ended training;

    @BeforeAll
    static void extractTheJar() throws Exception {
        folder = PackagedPortal.newFolder("aot-start-");
        Path extracted = folder.resolve("app");
        Process extract = new ProcessBuilder(PackagedPortal.javaExecutable(), "-Djarmode=tools", "-jar",
                PackagedPortal.jar().toAbsolutePath().toString(), "extract", "--destination", extracted.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("extract.log").toFile()).start();
        assertThat(extract.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(extract.exitValue()).isZero();
        jar = extracted.resolve(PackagedPortal.jar().getFileName());
        cache = extracted.resolve("portal.aot");
        training = runToItsEnd(folder.resolve("office"), OFFICE, "-XX:AOTCacheOutput=" + cache,
                "-Dspring.context.exit=onRefresh");
    }

    @AfterAll
    static void removeTheFolder() throws Exception {
        FileSystemUtils.deleteRecursively(folder);
    }

    /**
     * The training run ends in Spring's halt of the JVM, where no shutdown hook runs: the embedded MariaDB it started
     * must be stopped before, not found running on the folder by the office's next start (decision 166).
     */
    @Test
    void an_office_trained_once_restarts_on_the_jdk_cache_with_its_own_settings_and_logs_no_secret()
            throws Exception {
        assertThat(training.exitValue()).as("the training run ended by Spring's exit; see " + training.log()).isZero();
        assertThat(cache).as("the training run's JDK cache").exists();
        Path office = folder.resolve("office");
        try (PackagedPortal first = start(office, OFFICE)) {
            assertThat(Files.readString(first.log)).contains("Embedded MariaDB on")
                    .doesNotContain("a crashed run left on the folder").doesNotContain(AOT_PROCESSED);
            assertThat(get(first, "/login").statusCode()).isEqualTo(200);
            HttpResponse<String> api = get(first, "/api/v1/openapi");
            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(api.body()).contains("\"openapi\"");
        }
        Map<String, String> ownSettings = new HashMap<>(OFFICE);
        ownSettings.putAll(Map.of("MAIL_HOST", "smtp.disdukcapil.example", "MAIL_PORT", "2525",
                "WHATSAPP_PHONE_NUMBER_ID", "1234567890", "WHATSAPP_ACCESS_TOKEN", "token-of-the-office",
                "SMPP_HOST", "smsc.example", "SMPP_SYSTEM_ID", "dukcapil", "PORTAL_PUBLIC_URL",
                "https://portal.disdukcapil.example", "TRUSTED_PROXIES", "10.0.0.5"));
        try (PackagedPortal restart = start(office, ownSettings)) {
            assertThat(get(restart, "/login").statusCode()).isEqualTo(200);
        }
        List<String> secrets = secretsOf(office.resolve("data"), ownSettings);
        try (Stream<Path> logs = Files.list(office)) {
            for (Path log : logs.filter(file -> file.getFileName().toString().endsWith(".log")).toList()) {
                assertThat(Files.readString(log)).as("no secret in " + log).doesNotContain(secrets);
            }
        }
    }

    /**
     * What an office's start must never write to its log (issue 37): the embedded MariaDB's generated passwords, the
     * keys the portal made in its data folder (the audit chain's, the IKD PINs'), and the secrets of its settings.
     */
    private static List<String> secretsOf(Path data, Map<String, String> settings) throws Exception {
        List<String> secrets = new ArrayList<>();
        Properties database = PortalProcess.databaseCredentials(data.resolve("mariadb"));
        secrets.add(database.getProperty("app.password"));
        secrets.add(database.getProperty("root.password"));
        try (Stream<Path> files = Files.list(data)) {
            for (Path key : files.filter(file -> file.getFileName().toString().endsWith(".key")).toList()) {
                secrets.add(Files.readString(key).strip());
            }
        }
        assertThat(secrets).as("the database's two passwords and the two keys made at the first start").hasSize(4)
                .doesNotContain("");
        secrets.add(settings.get("PORTAL_ADMIN_PASSWORD"));
        secrets.add(settings.get("WHATSAPP_ACCESS_TOKEN"));
        return secrets;
    }

    @Test
    void the_demo_profile_starts_on_the_offices_cache_with_the_demos_beans() throws Exception {
        try (PackagedPortal demo = start(folder.resolve("demo"), Map.of(), "--spring.profiles.active=demo")) {
            // DemoWelcome, a bean of the demo profile alone, greets at readiness.
            assertThat(Files.readString(demo.log)).contains("Dukcapil Portal (demo) is ready");
        }
    }

    @Test
    void signing_through_bsre_refuses_to_start_without_its_settings() throws Exception {
        Map<String, String> env = new HashMap<>(OFFICE);
        env.put("SIGNING_PROVIDER", "bsre");
        Ended start = runToItsEnd(folder.resolve("bsre"), env, "-XX:AOTCache=" + cache);
        assertThat(start.exitValue()).as("the start failed; see " + start.log()).isNotZero();
        assertThat(Files.readString(start.log()))
                .contains("Signing through BSrE needs portal.signing.bsre.url, .nik and .roots-pem");
    }

    @Test
    void an_external_database_starts_on_the_cache_as_the_embedded_one_does() throws Exception {
        try (ExternalMariaDb database = ExternalMariaDb.start(folder.resolve("external-data"), "dukcapil_external");
             PackagedPortal external = start(folder.resolve("external"),
                     database.officeEnv(OFFICE, folder.resolve("shared-anchors")))) {
            String log = Files.readString(external.log);
            assertThat(log).doesNotContain("Embedded MariaDB on");
            assertThat(get(external, "/login").statusCode()).isEqualTo(200);
        }
    }

    private record Ended(int exitValue, Path log) {
    }

    /** The jar started in {@code workingDir} with {@code jvmOptions}, waited for until it ends by itself. */
    private static Ended runToItsEnd(Path workingDir, Map<String, String> env, String... jvmOptions) throws Exception {
        Files.createDirectories(workingDir);
        List<String> command = new ArrayList<>(List.of(PackagedPortal.javaExecutable()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + FreePorts.next()));
        Path log = workingDir.resolve("portal.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("DB_URL");
        builder.environment().putAll(env);
        Process portal = builder.start();
        try {
            assertThat(portal.waitFor(5, TimeUnit.MINUTES)).as("the start ends by itself; see " + log).isTrue();
        } finally {
            portal.destroyForcibly();
        }
        return new Ended(portal.exitValue(), log);
    }

    /** docs/fast-start.md's start on the training run's cache: ready when this returns. */
    private static PackagedPortal start(Path workingDir, Map<String, String> env, String... arguments)
            throws Exception {
        List<String> program = new ArrayList<>(List.of("-jar", jar.toString()));
        program.addAll(List.of(arguments));
        return PackagedPortal.launch(workingDir, env, List.of("-XX:AOTMode=on", "-XX:AOTCache=" + cache), program);
    }

    private static HttpResponse<String> get(PackagedPortal portal, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portal.port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

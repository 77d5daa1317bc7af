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
 * The production jar's Spring AOT code and its guard (decision 162), started as docs/fast-start.md has it: the
 * jar extracted, {@code -Dspring.aot.enabled=true}, an office's settings. With the build's settings, and with an
 * office's own mail server, channels, port or external database (which no condition tells apart from the build's), it
 * runs the AOT-processed bean definitions. With another profile, or a setting a condition tests otherwise, it starts
 * without them, says why in one line, and the other bean set is there: the demo's beans, or BSrE's signer, which
 * refuses to start without its settings as it does without AOT. An office's starts write none of its secrets to
 * their logs.
 */
class AotStartIT {

    private static final String KEPT = "Starting with the AOT-processed bean definitions";
    private static final String AOT_PROCESSED = "Starting AOT-processed PortalApplication";
    private static final String REFUSED = "Starting without the AOT-processed bean definitions: this start differs "
            + "from the build in ";
    private static final Map<String, String> OFFICE = Map.of(
            "PORTAL_ADMIN_USERNAME", "rina", "PORTAL_ADMIN_PASSWORD", "a-Strong-passw0rd");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path folder;
    private static Path jar;

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
    }

    @AfterAll
    static void removeTheFolder() throws Exception {
        FileSystemUtils.deleteRecursively(folder);
    }

    @Test
    void an_office_with_the_builds_settings_or_its_own_mail_channels_and_port_runs_the_aot_code_and_logs_no_secret()
            throws Exception {
        Path office = folder.resolve("office");
        try (PackagedPortal first = start(office, OFFICE)) {
            String log = Files.readString(first.log);
            assertThat(log).contains(KEPT, AOT_PROCESSED).doesNotContain(REFUSED);
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
            assertThat(Files.readString(restart.log)).contains(KEPT, AOT_PROCESSED).doesNotContain(REFUSED);
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
    void the_demo_profile_starts_without_the_aot_code_and_with_the_demos_beans() throws Exception {
        try (PackagedPortal demo = start(folder.resolve("demo"), Map.of(), "--spring.profiles.active=demo")) {
            String log = Files.readString(demo.log);
            assertThat(log).contains(REFUSED + "profiles demo (built with none)")
                    .doesNotContain(KEPT, AOT_PROCESSED)
                    // DemoWelcome, a bean of the demo profile alone, greets at readiness.
                    .contains("Dukcapil Portal (demo) is ready");
        }
    }

    @Test
    void signing_through_bsre_starts_without_the_aot_code_and_its_signer_refuses_to_start_unset() throws Exception {
        Map<String, String> env = new HashMap<>(OFFICE);
        env.put("SIGNING_PROVIDER", "bsre");
        Ended start = runToItsEnd(folder.resolve("bsre"), env, "-Dspring.aot.enabled=true");
        assertThat(start.exitValue()).as("the start failed; see " + start.log()).isNotZero();
        // With the build's definitions there would be no BsreSigner: the portal would have started, signing locally.
        assertThat(Files.readString(start.log())).contains(REFUSED + "portal.signing.provider")
                .doesNotContain(AOT_PROCESSED)
                .contains("Signing through BSrE needs portal.signing.bsre.url, .nik and .roots-pem");
    }

    @Test
    void an_external_database_runs_the_aot_code_as_the_embedded_one_does() throws Exception {
        try (ExternalMariaDb database = ExternalMariaDb.start(folder.resolve("external-data"), "dukcapil_external");
             PackagedPortal external = start(folder.resolve("external"),
                     database.officeEnv(OFFICE, folder.resolve("shared-anchors")))) {
            String log = Files.readString(external.log);
            assertThat(log).contains(KEPT, AOT_PROCESSED).doesNotContain(REFUSED).doesNotContain("Embedded MariaDB on");
            assertThat(get(external, "/login").statusCode()).isEqualTo(200);
        }
    }

    /**
     * The fast start's training run ends in Spring's halt of the JVM, where no shutdown hook runs: the embedded MariaDB
     * it started must be stopped before, not found running on the folder by the office's next start. The JDK's cache
     * (which that run also writes) is the JVM's and has no part in it.
     */
    @Test
    void the_training_run_leaves_no_database_server_behind() throws Exception {
        Path office = folder.resolve("training");
        Ended training = runToItsEnd(office, OFFICE, "-Dspring.aot.enabled=true", "-Dspring.context.exit=onRefresh");
        assertThat(training.exitValue()).as("the training run ended by Spring's exit; see " + training.log()).isZero();
        try (PackagedPortal next = start(office, OFFICE)) {
            assertThat(Files.readString(next.log)).contains("Embedded MariaDB on")
                    .doesNotContain("a crashed run left on the folder");
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

    /** docs/fast-start.md's start (without a JDK cache, which is the JVM's, not Spring's): ready when this returns. */
    private static PackagedPortal start(Path workingDir, Map<String, String> env, String... arguments)
            throws Exception {
        List<String> program = new ArrayList<>(List.of("-jar", jar.toString()));
        program.addAll(List.of(arguments));
        return PackagedPortal.launch(workingDir, env, List.of("-Dspring.aot.enabled=true"), program);
    }

    private static HttpResponse<String> get(PackagedPortal portal, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portal.port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

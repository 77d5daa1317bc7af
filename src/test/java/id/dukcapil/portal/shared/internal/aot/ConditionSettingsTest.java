package id.dukcapil.portal.shared.internal.aot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.FileSystemUtils;

/**
 * What the AOT-processed definitions were made with, against a start's environment (decision 162): a difference a
 * condition could see is named; a value no condition tells apart from the build's is not.
 */
class ConditionSettingsTest {

    private static final String ON_PROPERTY = SettingFingerprint.ON_PROPERTY;
    private static final ClassLoader LOADER = ConditionSettingsTest.class.getClassLoader();
    private static final Map<String, Set<String>> READ = Map.of(
            "spring.mail.host", Set.of(ON_PROPERTY),
            "portal.signing.provider", Set.of(ON_PROPERTY),
            "spring.datasource.url", Set.of(SettingFingerprint.EMBEDDED_DATABASE),
            "server.port", Set.of(SettingFingerprint.ON_MANAGEMENT_PORT),
            "management.server.port", Set.of(SettingFingerprint.ON_MANAGEMENT_PORT),
            "management.endpoints.web.exposure.include", Set.of("some.OtherCondition"),
            "vaadin.allowed-packages", Set.of(ON_PROPERTY, SettingsRecorder.NOT_A_CONDITION));
    private static final Map<String, Set<String>> COMPARED = Map.of(
            "spring.mail.host", Set.of(""),
            "portal.signing.provider", Set.of("bsre", "local"),
            "vaadin.allowed-packages", Set.of(""));

    private final ConditionSettings built = ConditionSettings.of(environment(Map.of()), LOADER, READ, COMPARED);

    @Test
    void the_builds_own_settings_hold() {
        assertThat(built.differencesFrom(environment(Map.of()), LOADER)).isEmpty();
    }

    @Test
    void an_offices_mail_host_database_and_port_hold_where_the_conditions_test_no_more_than_the_build_had() {
        assertThat(built.differencesFrom(environment(Map.of("spring.mail.host", "smtp.dinas.example",
                "spring.datasource.url", "jdbc:mariadb://haproxy.example:3307/dukcapil", "server.port", "9090")),
                LOADER)).isEmpty();
    }

    @Test
    void what_a_condition_tells_apart_is_named() {
        assertThat(built.differencesFrom(environment(Map.of("portal.signing.provider", "bsre")), LOADER))
                .containsExactly("portal.signing.provider");
        assertThat(built.differencesFrom(environment(Map.of("spring.mail.host", "false")), LOADER))
                .containsExactly("spring.mail.host");
        assertThat(built.differencesFrom(environment(Map.of("spring.datasource.url", " ")), LOADER))
                .containsExactly("spring.datasource.url");
        assertThat(built.differencesFrom(environment(Map.of("management.server.port", "9091")), LOADER))
                .containsExactly("management.server.port", "server.port");
    }

    @Test
    void a_name_read_by_other_code_differs_by_its_value_and_by_properties_below_it() {
        assertThat(built.differencesFrom(environment(Map.of("management.endpoints.web.exposure.include", "*")), LOADER))
                .containsExactly("management.endpoints.web.exposure.include");
        assertThat(built.differencesFrom(environment(Map.of("management.endpoints.web.exposure.include[0]", "beans")), LOADER))
                .containsExactly("management.endpoints.web.exposure.include");
        assertThat(built.differencesFrom(environment(Map.of("vaadin.allowed-packages", "id.dukcapil")), LOADER))
                .as("read by a condition and by other code: its value counts").containsExactly("vaadin.allowed-packages");
    }

    @Test
    void another_class_path_is_named_by_its_jars() throws Exception {
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "jars-");
        Path extra = folder.resolve("extra-library-1.0.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(extra), new Manifest())) {
            jar.closeEntry();
        }
        try (URLClassLoader more = new URLClassLoader(new URL[] {extra.toUri().toURL()}, LOADER)) {
            assertThat(built.differencesFrom(environment(Map.of()), more))
                    .containsExactly("class path (1 jar(s) not in the build's: extra-library-1.0.jar; 0 of the build's "
                            + "missing)");
        } finally {
            FileSystemUtils.deleteRecursively(folder);
        }
        assertThat(ClassPathJars.of(LOADER, ConditionSettings.RESOURCE)).contains("spring-core-7.0.9.jar");
    }

    @Test
    void other_profiles_are_named_with_both_sets() {
        StandardEnvironment demo = environment(Map.of());
        demo.setActiveProfiles("demo");
        assertThat(built.differencesFrom(demo, LOADER)).containsExactly("profiles demo (built with none)");
    }

    @Test
    void the_kept_file_reads_back_the_same_and_holds_no_value() throws Exception {
        ConditionSettings withSecrets = ConditionSettings.of(environment(Map.of(
                "spring.mail.host", "smtp.rahasia.example", "management.endpoints.web.exposure.include", "s3cret-value")),
                LOADER, READ, COMPARED);
        String file = withSecrets.write();
        assertThat(file).doesNotContain("smtp.rahasia.example").doesNotContain("s3cret-value").doesNotContain("8080");
        assertThat(ConditionSettings.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(withSecrets);
        assertThat(file).contains("setting\tportal.signing.provider\ttests\tbsre=other;local=equal\n",
                "setting\tspring.datasource.url\thas-text\ttext\n", "setting\tserver.port\tmanagement-port\tSAME\n");
    }

    /** The portal's defaults for these names (application.yaml, the embedded database's address), then the start's. */
    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.mail.host", "");
        defaults.put("portal.signing.provider", "local");
        defaults.put("spring.datasource.url", "jdbc:mariadb://127.0.0.1:40123/dukcapil");
        defaults.put("server.port", "8080");
        defaults.put("management.endpoints.web.exposure.include", "health");
        defaults.put("vaadin.allowed-packages", "id.dukcapil.portal");
        environment.getPropertySources().addLast(new MapPropertySource("defaults", defaults));
        environment.getPropertySources().addFirst(new MapPropertySource("start", settings));
        ConfigurationPropertySources.attach(environment);
        return environment;
    }
}

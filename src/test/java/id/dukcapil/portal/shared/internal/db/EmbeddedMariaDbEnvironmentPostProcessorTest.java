package id.dukcapil.portal.shared.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * In the build's AOT processing (decision 162) the embedded database is described to the conditions as a start on it
 * has it, and nothing is started or made: no folder, no password.
 */
class EmbeddedMariaDbEnvironmentPostProcessorTest {

    @AfterEach
    void notProcessingAnyMore() {
        System.clearProperty(AbstractAotProcessor.AOT_PROCESSING);
    }

    @Test
    void the_aot_processing_sees_the_embedded_databases_settings_and_starts_nothing() throws Exception {
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "aot-");
        Path dataDir = folder.resolve("data/mariadb");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("settings", Map.of(
                "portal.embedded-db.data-dir", dataDir.toString(),
                "portal.embedded-db.base-dir", folder.resolve("data/mariadb-server").toString())));
        System.setProperty(AbstractAotProcessor.AOT_PROCESSING, "true");

        new EmbeddedMariaDbEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:mariadb://127.0.0.1:0/dukcapil");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo(EmbeddedMariaDb.APP_USER);
        assertThat(environment.getProperty(EmbeddedMariaDb.ACTIVE_PROPERTY)).isEqualTo("true");
        assertThat(environment.containsProperty("spring.datasource.password")).isFalse();
        assertThat(folder.resolve("data")).doesNotExist();
        Files.delete(folder);
    }
}

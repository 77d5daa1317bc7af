package id.dukcapil.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The office's monitoring as shipped in {@code deploy/monitoring/} (decision 178): Prometheus's own {@code promtool}
 * (Debian's {@code prometheus} package; {@code .ci/run} installs it) accepts the configuration and the alert rules,
 * and the rules' unit tests pass, so an alert that would never fire, or fire on a healthy office, fails the suite.
 */
class MonitoringConfigurationTest {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final Path MONITORING = Path.of("deploy/monitoring");

    @ParameterizedTest
    @ValueSource(strings = {"check config prometheus.yml", "check rules alerts.yml", "test rules alerts-test.yml"})
    void promtool_accepts_the_monitoring_configuration(String check) throws IOException, InterruptedException {
        if (!Files.isExecutable(PROMTOOL)) {
            throw new IllegalStateException("The monitoring checks need Debian's prometheus package for its promtool "
                    + "(apt-get install prometheus; .ci/run installs it).");
        }
        List<String> command = new java.util.ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(check.split(" ")));
        Process promtool = new ProcessBuilder(command).directory(MONITORING.toFile()).redirectErrorStream(true).start();
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).as("promtool " + check + " ended").isTrue();
        assertThat(promtool.exitValue()).as("promtool " + check + ":\n" + output).isZero();
    }
}

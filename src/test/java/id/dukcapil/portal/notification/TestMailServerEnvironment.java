package id.dukcapil.portal.notification;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In the test profile, starts the test run's SMTP server before the context and points the portal at it, so the
 * one shared context sends real e-mail over SMTP without a context-changing annotation on any test class.
 */
class TestMailServerEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains("test")) {
            return;
        }
        int port = TestMailServer.startOnce();
        environment.getPropertySources().addFirst(new MapPropertySource("testMailServer", Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", port,
                "spring.mail.properties.mail.smtp.starttls.enable", "false")));
    }
}

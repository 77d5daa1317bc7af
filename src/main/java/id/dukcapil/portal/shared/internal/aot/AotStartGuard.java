package id.dukcapil.portal.shared.internal.aot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.AotDetector;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Spring's AOT-processed bean definitions only where they are this start's (decision 162). Spring Boot makes the bean
 * definitions at the build, with the build's profiles and the conditions as the build's settings made them, and a
 * start with {@code spring.aot.enabled} takes them as they are, whatever its own settings say. So:
 * <ul>
 * <li>in the build's AOT processing, when the context is loaded and about to be refreshed, this listener puts the
 * {@link SettingsRecorder} first in its environment: every property looked up while the bean definitions are made is
 * recorded, and {@link ConditionSettingsAotProcessor} writes what they were made with into the jar;</li>
 * <li>in a start with {@code spring.aot.enabled}, when the environment is prepared (the configuration files read, every
 * environment post-processor run, the embedded database's settings in place) and before the application context is
 * created, the first thing that asks whether to use the generated code, it compares this environment with the
 * record. On any difference it turns {@code spring.aot.enabled} off for this start, with one line in the log saying
 * what differs: the context is then made from the classes and their conditions as without AOT, and nothing of the
 * generated code is used.</li>
 * </ul>
 * After Spring Boot's own listener, which runs the environment post-processors and sets up logging.
 */
public class AotStartGuard implements SpringApplicationRunListener, Ordered {

    private static final Log log = LogFactory.getLog(AotStartGuard.class);

    private final SpringApplication application;

    public AotStartGuard(SpringApplication application, String[] args) {
        this.application = application;
    }

    /** In the build's AOT processing: the context is about to be refreshed for its bean definitions. */
    @Override
    public void contextLoaded(ConfigurableApplicationContext context) {
        if (System.getProperty(AbstractAotProcessor.AOT_PROCESSING) != null) {
            SettingsRecorder.install(context.getEnvironment());
        }
    }

    @Override
    public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext,
                                    ConfigurableEnvironment environment) {
        if (System.getProperty(AbstractAotProcessor.AOT_PROCESSING) == null && AotDetector.useGeneratedArtifacts()) {
            String refusal = refusal(environment);
            if (refusal != null) {
                SpringProperties.setFlag(AotDetector.AOT_ENABLED, false);
                log.warn("Starting without the AOT-processed bean definitions: " + refusal + " (decision 162)");
            }
        }
    }

    /** Why this start cannot use the generated code, or null if it can. */
    private @Nullable String refusal(ConfigurableEnvironment environment) {
        ClassLoader classLoader = application.getClassLoader();
        Class<?> main = application.getMainApplicationClass();
        if (main == null || !ClassUtils.isPresent(main.getName() + "__ApplicationContextInitializer", classLoader)) {
            return "this jar has none (it was built without -Pproduction)";
        }
        if (ClassUtils.isPresent(main.getName() + "__EnvironmentPostProcessor", classLoader)) {
            // Spring Boot's generated code has already added the build's profiles to this environment.
            throw new IllegalStateException("This jar's AOT-processed code sets the build's profiles at every start: "
                    + "build it with no profile (decision 162), or start it without spring.aot.enabled");
        }
        ConditionSettings built;
        try (InputStream in = classLoader.getResourceAsStream(ConditionSettings.RESOURCE)) {
            if (in == null) {
                return "this jar has no record of the settings they were made with";
            }
            built = ConditionSettings.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long started = System.nanoTime();
        List<String> differences = built.differencesFrom(environment, classLoader);
        long micros = (System.nanoTime() - started) / 1_000;
        if (!differences.isEmpty()) {
            return "this start differs from the build in " + String.join(", ", differences) + ", and the bean "
                    + "definitions made with the build's settings would not be this start's";
        }
        log.info("Starting with the AOT-processed bean definitions: the profiles and the " + built.settings().size()
                + " settings their conditions read are the build's (checked in " + micros / 1000 + " ms)");
        return null;
    }

    @Override
    public int getOrder() {
        // After EventPublishingRunListener (0), whose environment-prepared event runs the post-processors.
        return 10;
    }
}

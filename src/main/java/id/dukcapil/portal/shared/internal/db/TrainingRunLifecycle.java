package id.dukcapil.portal.shared.internal.db;

import org.springframework.boot.autoconfigure.context.LifecycleProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.DefaultLifecycleProcessor;
import org.springframework.core.SpringProperties;

/**
 * The fast start's training run for the JDK's AOT cache ({@code -Dspring.context.exit=onRefresh}) ends with Spring
 * halting the JVM at the end of the refresh ({@code Runtime.halt}): no shutdown hook runs, so the embedded MariaDB the
 * start made would be left running on the office's folder, until the next start found it and stopped it (some two
 * seconds of that start). Spring's lifecycle processor, as Spring Boot makes it, that stops the server first.
 */
@Configuration(proxyBeanMethods = false)
class TrainingRunLifecycle {

    @Bean(AbstractApplicationContext.LIFECYCLE_PROCESSOR_BEAN_NAME)
    DefaultLifecycleProcessor lifecycleProcessor(LifecycleProperties lifecycle) {
        DefaultLifecycleProcessor processor = new StopsTheServerBeforeTheHalt();
        processor.setTimeoutPerShutdownPhase(lifecycle.getTimeoutPerShutdownPhase().toMillis());
        return processor;
    }

    private static final class StopsTheServerBeforeTheHalt extends DefaultLifecycleProcessor {

        /** Read as Spring's processor reads it, once. */
        private static final boolean EXITS_ON_REFRESH = ON_REFRESH_VALUE.equalsIgnoreCase(
                SpringProperties.getProperty(EXIT_PROPERTY_NAME));

        @Override
        public void onRefresh() {
            if (EXITS_ON_REFRESH) {
                EmbeddedMariaDb.stopIfRunning();
            }
            super.onRefresh();
        }
    }
}

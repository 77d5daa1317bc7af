package id.dukcapil.portal.shared.internal.context;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.AotDetector;
import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The servlet web server context Spring Boot would make, AOT-processed or not, on {@link FrozenTypeLookups}. Listed in
 * {@code META-INF/spring.factories} before Spring Boot's own factory; anything but a servlet application is left to it.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class PortalContextFactory implements ApplicationContextFactory {

    @Override
    public @Nullable ConfigurableApplicationContext create(WebApplicationType webApplicationType) {
        if (webApplicationType != WebApplicationType.SERVLET) {
            return null;
        }
        return AotDetector.useGeneratedArtifacts() ? new ServletWebServerApplicationContext(new FrozenTypeLookups())
                : new AnnotationConfigServletWebServerApplicationContext(new FrozenTypeLookups());
    }
}

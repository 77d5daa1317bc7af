package id.dukcapil.portal.shared.api;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean Validation checks every property of what arrives at the edge. With JPA on the class path, Hibernate
 * Validator asked JPA of each property whether it was loaded, through the persistence providers' registry, on every
 * request (decision 111); the portal validates request bodies and form values, never entities with lazy
 * associations, so every property is reachable and cascadable.
 */
@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

    @Bean
    ValidationConfigurationCustomizer everyPropertyReachable() {
        return configuration -> configuration.traversableResolver(new TraversableResolver() {
            @Override
            public boolean isReachable(Object object, Path.Node property, Class<?> rootBean, Path pathToProperty,
                                       ElementType elementType) {
                return true;
            }

            @Override
            public boolean isCascadable(Object object, Path.Node property, Class<?> rootBean, Path pathToProperty,
                                        ElementType elementType) {
                return true;
            }
        });
    }
}

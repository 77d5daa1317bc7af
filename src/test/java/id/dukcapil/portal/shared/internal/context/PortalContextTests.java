package id.dukcapil.portal.shared.internal.context;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/** The running portal's context is Spring Boot's servlet web server context on {@link FrozenTypeLookups}. */
@PortalTest
class PortalContextTests {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void the_portal_runs_on_the_bean_factory_that_remembers_generic_look_ups() {
        assertThat(context).isInstanceOf(ServletWebServerApplicationContext.class);
        assertThat(context.getBeanFactory()).isInstanceOf(FrozenTypeLookups.class);
        assertThat(context.getBeanFactory().isConfigurationFrozen()).isTrue();
    }

    @Test
    void the_filter_chains_customizer_look_ups_are_answered_from_memory() {
        // What Spring Security asks for each filter chain: the parameter type of every HttpSecurity method taking
        // one Customizer, made anew for each chain: an equal type, not the same object.
        List<Method> customizing = Arrays.stream(HttpSecurity.class.getMethods())
                .filter(method -> method.getParameterCount() == 1 && method.getParameterTypes()[0] == Customizer.class)
                .toList();
        assertThat(customizing).hasSizeGreaterThan(20);
        for (Method method : customizing) {
            String[] first = context.getBeanFactory().getBeanNamesForType(parameterType(method), true, true);
            assertThat(context.getBeanFactory().getBeanNamesForType(parameterType(method), true, true))
                    .as(method.getName()).isSameAs(first);
        }
    }

    private static ResolvableType parameterType(Method method) {
        return ResolvableType.forMethodParameter(new MethodParameter(method, 0));
    }
}

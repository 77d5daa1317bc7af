package id.dukcapil.bare;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The start-up benchmark's baseline (issue 37): Spring Boot and Vaadin of the portal's own versions, from the
 * portal's own libraries and production bundle, with one view and nothing else: no database, no security, no
 * modules. Started as the portal is, it says what the platform itself costs.
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
        "org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration"})
public class BareVaadinApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(BareVaadinApplication.class);
        // Readiness as the portal reports it, so both are timed to the same answer.
        application.setDefaultProperties(Map.of("management.endpoint.health.probes.enabled", "true"));
        application.run(args);
    }

    /**
     * Its one view, registered when Vaadin starts rather than by {@code @Route}: the portal's browserless tests scan
     * the test classes for routes, and must not find this one beside the portal's home.
     */
    @Bean
    VaadinServiceInitListener helloRoute() {
        return event -> RouteConfiguration.forRegistry(event.getSource().getRouter().getRegistry())
                .setRoute("", HelloView.class);
    }

    public static class HelloView extends VerticalLayout {

        public HelloView() {
            add(new H1("Halo"));
        }
    }
}

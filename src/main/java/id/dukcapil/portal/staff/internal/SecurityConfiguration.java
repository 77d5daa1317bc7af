package id.dukcapil.portal.staff.internal;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import id.dukcapil.portal.staff.ui.StaffNavigation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Staff sign in through Vaadin's login view; views are guarded by {@code @RolesAllowed}, services again by
 * method security, so hiding a button is never the only guard.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
// Services use @PreAuthorize. JSR-250 stays off: with it, views annotated @RolesAllowed would be proxied.
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain staffSecurity(HttpSecurity http) {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/styles.css", "/images/**", "/icons/**").permitAll()
                // Supervisors and load balancers ask without signing in; details only for an ADMIN (application.yaml).
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll());
        http.with(vaadin(), vaadin -> vaadin.loginView(StaffNavigation.loginView()));
        return http.build();
    }

    /** bcrypt, behind the delegating encoder so that the hash names its algorithm and can be upgraded. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}

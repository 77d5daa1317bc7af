package id.dukcapil.portal.staff.internal;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import id.dukcapil.portal.staff.ui.StaffNavigation;
import java.util.Map;
import org.springframework.aop.Advisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Staff sign in through Vaadin's login view; views are guarded by {@code @RolesAllowed}, services again by
 * method security, so hiding a button is never the only guard.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /**
     * What Vaadin 25 needs (decision 074): its bootstrap and Lit templates use inline script and eval, themes inline
     * styles, the push/heartbeat channel WebSockets; the PDF preview is a blob/stream URL framed by the portal itself.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' "
            + "'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self' ws: wss:; frame-src 'self' blob:; frame-ancestors 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'";

    /** No view uses the camera, microphone or location. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()";

    @Bean
    SecurityFilterChain staffSecurity(HttpSecurity http, StaffSessions sessions) {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/styles.css", "/images/**", "/icons/**").permitAll()
                // Supervisors and load balancers ask without signing in; the actuator itself is on the management port (178).
                .requestMatchers("/livez", "/readyz").permitAll()
                // Nothing of the actuator's on the public port, whoever asks: a scraper or a probe pointed here by
                // mistake is refused, not answered 200 with the not-found page (decision 191 lets unknown addresses on).
                .requestMatchers("/actuator", "/actuator/**").denyAll());
        // HSTS stays Spring's default: written only on a secure request (HTTPS, or X-Forwarded-Proto behind a proxy).
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.sameOrigin())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
        http.addFilterBefore(new CrossSiteSignInFilter("/login"), UsernamePasswordAuthenticationFilter.class);
        // A session whose account an administrator changed ends at its next request (issue 52 item 6).
        http.addFilterAfter(new StaffSessionCheck(sessions), SecurityContextHolderFilter.class);
        // An address no rule above names goes on to Vaadin's router (decision 191): Vaadin 25 denies it by default,
        // which answered a signed-in clerk a 403 with an empty body (Chromium: ERR_INVALID_RESPONSE) and sent a citizen
        // to the staff sign-in. Every other servlet path has its own chain (the APIs, the webhook, management); Vaadin's
        // own rules still ask a sign-in for a staff view, and its router guards each view by its roles.
        http.with(vaadin(), vaadin -> vaadin.loginView(StaffNavigation.loginView())
                .anyRequest(url -> url.permitAll()));
        // The sign-in page says why it failed from its own address, not from the HTTP session (issue 50, item 3): too
        // many tries (a LockedException, for the name or the client's address) read "try later", anything else the
        // same "wrong username or password" (decision 175).
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(Map.of(LockedException.class.getName(),
                "/login?error=" + StaffNavigation.SIGN_IN_LOCKED));
        http.formLogin(form -> form.failureHandler(failures));
        return http.build();
    }

    /**
     * Every filter chain of the portal unobserved (decision 092): with an observation registry present, Spring
     * Security wraps each of its filters in an observation of its own, on every request, for metrics nobody reads.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Method security for {@code @PreAuthorize}, the one annotation the services use, as Spring Security's reference
     * declares a single annotation's advisor. {@code @EnableMethodSecurity} would add four more advisors (post-authorise,
     * pre- and post-filter, authorised return objects), each matched against every method of every bean at every
     * start (decision 165); {@code MethodSecurityAnnotationsTest} fails if any of their annotations, or one JSR-250
     * would answer, appears on a service. JSR-250 stays off: views annotated {@code @RolesAllowed} would be proxied.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor preAuthorizeAdvisor(ApplicationContext context) {
        PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();
        manager.setApplicationContext(context);
        return AuthorizationManagerBeforeMethodInterceptor.preAuthorize(manager);
    }

    /** bcrypt, behind the delegating encoder so that the hash names its algorithm and can be upgraded. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}

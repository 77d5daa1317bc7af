package id.dukcapil.portal.kkprint.api;

import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.kkprint.internal.ApiClientRepository;
import id.dukcapil.portal.shared.api.ApiProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The IKD gateway's and the ADM kiosks' API: stateless, authenticated by API key, no session and no CSRF token
 * (nothing rides on a browser's cookies). Ordered before the staff chain and matching only these paths, so the
 * Vaadin chain is untouched.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain kkPrintApiSecurity(HttpSecurity http, ApiClientRepository clients, ApiProblems problems) {
        http.securityMatcher("/api/v1/ikd/**", "/api/v1/adm/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiKeyFilter(clients), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // What a path takes is no secret: OPTIONS is answered with Allow, not 401 (decision 176).
                        .requestMatchers(HttpMethod.OPTIONS).permitAll()
                        .requestMatchers("/api/v1/ikd/**").hasRole(Roles.IKD_GATEWAY)
                        .requestMatchers("/api/v1/adm/**").hasRole(Roles.ADM_KIOSK))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(request, response,
                                HttpStatus.UNAUTHORIZED, "API_KEY_INVALID", "kkprint.api.key-invalid"))
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "API_KEY_NOT_ALLOWED", "kkprint.api.key-not-allowed")));
        return http.build();
    }
}

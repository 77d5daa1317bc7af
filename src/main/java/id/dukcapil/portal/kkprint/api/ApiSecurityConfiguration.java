package id.dukcapil.portal.kkprint.api;

import id.dukcapil.portal.kkprint.internal.ApiClientStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
    SecurityFilterChain kkPrintApiSecurity(HttpSecurity http, ApiClientStore clients) {
        http.securityMatcher("/api/v1/ikd/**", "/api/v1/adm/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiKeyFilter(clients), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/ikd/**").hasRole("IKD_GATEWAY")
                        .requestMatchers("/api/v1/adm/**").hasRole("ADM_KIOSK"))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problem(response, HttpStatus.UNAUTHORIZED,
                                "API_KEY_INVALID", "A valid X-Api-Key header is required."))
                        .accessDeniedHandler((request, response, e) -> problem(response, HttpStatus.FORBIDDEN,
                                "API_KEY_NOT_ALLOWED", "This key may not call this API.")));
        return http.build();
    }

    private static void problem(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String code,
                                String detail) throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("""
                {"type":"about:blank","title":"%s","status":%d,"detail":"%s","code":"%s"}"""
                .formatted(status.getReasonPhrase(), status.value(), detail, code));
    }
}

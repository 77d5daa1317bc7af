package id.dukcapil.portal.booking.api;

import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.api.ApiProblems;
import org.springframework.http.HttpStatus;

import id.dukcapil.portal.booking.CitizenTokens;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The API's own security, ahead of the staff chain: stateless, bearer tokens of citizen accounts, no CSRF (no
 * cookies are used), problem details for 401 and 403. Staff sessions and the Vaadin chain are untouched.
 */
@Configuration(proxyBeanMethods = false)
class BdsApiSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain bdsApiFilterChain(HttpSecurity http, CitizenTokens tokens, ApiProblems problems) {
        String base = BdsApiController.BASE;
        var citizens = new RequestAttributeSecurityContextRepository();
        // Only the BDS API and the OpenAPI description: the IKD and ADM APIs have their own chain (kkprint).
        http.securityMatcher(base + "/**", "/api/v1/openapi", "/api/v1/openapi/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // The citizen a token names stays with the request, for its async dispatch (decision 116).
                .securityContext(context -> context.securityContextRepository(citizens))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                // Nothing asks the servlet request who is signed in, and no anonymous principal is needed: without a
                // token the chain answers 401 where a citizen is needed. Two filters fewer per call (decision 109).
                .servletApi(servletApi -> servletApi.disable())
                .anonymous(anonymous -> anonymous.disable())
                .authorizeHttpRequests(requests -> requests
                        // What a path takes is no secret: OPTIONS is answered with Allow, not 401 (decision 176).
                        .requestMatchers(HttpMethod.OPTIONS).permitAll()
                        .requestMatchers(HttpMethod.POST, base + "/accounts", base + "/accounts/**", base + "/sessions")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, base + "/service-points", base + "/availability",
                                "/api/v1/openapi", "/api/v1/openapi/**")
                        .permitAll()
                        .anyRequest().hasRole(Roles.CITIZEN))
                .addFilterBefore(new BearerTokenFilter(tokens, citizens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(request, response,
                                HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "booking.api.unauthorized"))
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "FORBIDDEN", "api.forbidden")));
        return http.build();
    }

    @Bean
    OpenAPI bdsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Dukcapil Portal — BDS API").version("v1")
                        .description("KTP-el print booking (SOP A) for the Bedas Digital Services app. Errors are RFC 9457 "
                                + "problem details with a stable `code` and a message in the Accept-Language."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
    }
}

package id.dukcapil.portal.shared.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any {@code /api/**} path no API claims (decision 070): a 404 problem, not Vaadin's page with a 200 nor the
 * staff chain's redirect to /login. Its own chain comes after the APIs' chains and before the staff chain; the
 * mapping is the least specific of all controllers', so a real endpoint always wins.
 */
@RestController
class ApiFallback {

    private final ApiProblems problems;
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    ApiFallback(ApiProblems problems,
                @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.problems = problems;
        this.mappings = mappings;
    }

    /**
     * A path no API has is a 404; a path an API has, asked with a method it does not take (PATCH, PUT…), a 405 with
     * the methods it does take (issue 41): this mapping matches every method, so it would otherwise win over MVC's 405.
     */
    @RequestMapping("/api/**")
    ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
        Set<HttpMethod> allowed = allowedMethods(request);
        if (allowed.isEmpty()) {
            return problems.answer(request, HttpStatus.NOT_FOUND, "NOT_FOUND",
                    problems.text(request, "shared.api.not-found"));
        }
        ResponseEntity<ProblemDetail> answer = problems.answer(request, HttpStatus.METHOD_NOT_ALLOWED,
                "METHOD_NOT_ALLOWED", problems.text(request, "shared.api.method"));
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).allow(allowed.toArray(HttpMethod[]::new))
                .body(answer.getBody());
    }

    /** The methods the other API mappings take at the request's path; none when no API has the path. */
    private Set<HttpMethod> allowedMethods(HttpServletRequest request) {
        Set<HttpMethod> allowed = new LinkedHashSet<>();
        mappings.getObject().getHandlerMethods().forEach((info, method) -> {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (method.getBeanType() != ApiFallback.class && paths != null
                    && paths.getMatchingCondition(request) != null) {
                info.getMethodsCondition().getMethods().forEach(each -> allowed.add(each.asHttpMethod()));
            }
        });
        if (allowed.contains(HttpMethod.GET)) {
            allowed.add(HttpMethod.HEAD);
        }
        return allowed;
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Security {

        @Bean
        @Order(50)
        SecurityFilterChain unknownApiPaths(HttpSecurity http, ApiProblems problems) {
            http.securityMatcher("/api/**")
                    .csrf(csrf -> csrf.disable())
                    .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(cache -> cache.disable())
                    .formLogin(form -> form.disable())
                    .httpBasic(basic -> basic.disable())
                    .logout(logout -> logout.disable())
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    // Nothing here asks for a sign-in today; should a path ever need one, it is refused as a
                    // problem, never redirected to the staff sign-in page.
                    .exceptionHandling(errors -> errors
                            .authenticationEntryPoint((request, response, e) -> problems.write(request, response,
                                    HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "shared.api.unauthorized"))
                            .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                    HttpStatus.FORBIDDEN, "FORBIDDEN", "api.forbidden")));
            return http.build();
        }

        /**
         * A request the firewall rejects before any chain (a bad character in the path or a header a filter reads):
         * a 400 problem on the APIs, a bare 400 elsewhere, instead of the container's error page with a 500.
         */
        @Bean
        RequestRejectedHandler requestRejectedHandler(ApiProblems problems) {
            return (request, response, rejected) -> {
                if (ApiProblems.isApiRequest(request)) {
                    problems.write(request, response, HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "shared.input.rejected");
                } else {
                    response.sendError(HttpStatus.BAD_REQUEST.value());
                }
            };
        }
    }
}

package id.dukcapil.portal.shared.api;

import jakarta.servlet.http.HttpServletRequest;
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

    ApiFallback(ApiProblems problems) {
        this.problems = problems;
    }

    @RequestMapping("/api/**")
    ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
        return problems.answer(request, HttpStatus.NOT_FOUND, "NOT_FOUND", problems.text(request, "shared.api.not-found"));
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Security {

        @Bean
        @Order(50)
        SecurityFilterChain unknownApiPaths(HttpSecurity http) {
            http.securityMatcher("/api/**")
                    .csrf(csrf -> csrf.disable())
                    .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(cache -> cache.disable())
                    .formLogin(form -> form.disable())
                    .httpBasic(basic -> basic.disable())
                    .logout(logout -> logout.disable())
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
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

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
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any {@code /api/**} path no API claims (decision 070), in any spelling (decision 176): a 404 problem, not Vaadin's
 * page with a 200 nor the staff chain's redirect to /login. Its own chain comes after the APIs' chains and before the staff chain; the
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
     * A method the path takes, asked for an answer in a type it does not give ({@code Accept: text/html} alone), is a
     * 406 (issue 52, item 11; decision 176), as JSON whatever the Accept: the API has no HTML to give.
     */
    @RequestMapping("/api/**")
    ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
        Fit fit = fit(request);
        if (fit.allowed().isEmpty()) {
            return problems.answer(request, HttpStatus.NOT_FOUND, "NOT_FOUND",
                    problems.text(request, "shared.api.not-found"));
        }
        if (fit.methodTaken()) {
            return fit.acceptable()
                    ? problems.answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                            problems.text(request, "shared.api.media-type"))
                    : problems.answer(request, HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE",
                            problems.text(request, "shared.api.not-acceptable"));
        }
        ResponseEntity<ProblemDetail> answer = problems.answer(request, HttpStatus.METHOD_NOT_ALLOWED,
                "METHOD_NOT_ALLOWED", problems.text(request, "shared.api.method"));
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).allow(fit.allowed().toArray(HttpMethod[]::new))
                .body(answer.getBody());
    }

    /**
     * {@code OPTIONS} on any API path, before any credential is asked for (issue 52, item 11): the methods the path
     * takes in {@code Allow}, or a 404 problem where no API has the path. No CORS headers: the APIs serve apps and
     * kiosks, not pages of other sites (decision 176), so a browser's preflight learns the methods and nothing more.
     */
    @RequestMapping(path = "/api/**", method = RequestMethod.OPTIONS)
    ResponseEntity<?> options(HttpServletRequest request) {
        Set<HttpMethod> allowed = fit(request).allowed();
        if (allowed.isEmpty()) {
            return unknown(request);
        }
        allowed.add(HttpMethod.OPTIONS);
        return ResponseEntity.noContent().allow(allowed.toArray(HttpMethod[]::new)).build();
    }

    /**
     * What the other API mappings at the request's path say of it.
     *
     * @param allowed     the methods they take; none when no API has the path
     * @param methodTaken whether one of them takes the request's method (then the Accept or the Content-Type missed)
     * @param acceptable  whether one that takes the method can answer in a type the Accept allows (then it was the
     *                    Content-Type: the controllers declare nothing else)
     */
    private record Fit(Set<HttpMethod> allowed, boolean methodTaken, boolean acceptable) {
    }

    private Fit fit(HttpServletRequest request) {
        Set<HttpMethod> allowed = new LinkedHashSet<>();
        boolean[] acceptable = {false};
        mappings.getObject().getHandlerMethods().forEach((info, method) -> {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (method.getBeanType() != ApiFallback.class && paths != null
                    && paths.getMatchingCondition(request) != null) {
                info.getMethodsCondition().getMethods().forEach(each -> allowed.add(each.asHttpMethod()));
                if (info.getMethodsCondition().getMatchingCondition(request) != null
                        && info.getProducesCondition().getMatchingCondition(request) != null) {
                    acceptable[0] = true;
                }
            }
        });
        if (allowed.contains(HttpMethod.GET)) {
            allowed.add(HttpMethod.HEAD);
        }
        return new Fit(allowed, allowed.contains(HttpMethod.valueOf(request.getMethod())), acceptable[0]);
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Security {

        @Bean
        @Order(50)
        SecurityFilterChain unknownApiPaths(HttpSecurity http, ApiProblems problems) {
            // Every spelling of /api (/API/…, /Api/…): none of them is the staff's, so none is sent to /login.
            http.securityMatcher(ApiProblems::isApiRequest)
                    .csrf(csrf -> csrf.disable())
                    .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(cache -> cache.disable())
                    .formLogin(form -> form.disable())
                    .httpBasic(basic -> basic.disable())
                    .logout(logout -> logout.disable())
                    .addFilterBefore(new ApiSpelling(problems), AuthorizationFilter.class)
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

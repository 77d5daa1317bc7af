package id.dukcapil.portal.schoolvisit.api;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.Outcome;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.api.ApiBodyLimit;
import id.dukcapil.portal.shared.api.ApiProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The outposts' API chain, ahead of the staff chain and matching only its paths (as the other APIs' chains do):
 * stateless, no CSRF (no cookie is used), the officer's own username and password by HTTP Basic on every call (a field
 * officer for a school visit; a desk operator for a recording point's day, under {@code /days}, decision 200).
 * Basic authentication asks the portal's one authentication manager, whose only provider is the staff sign-in
 * (decision 175): each call's password is checked after its client's and its name's tries are taken, and a locked
 * name is refused without a check, as on the sign-in page. No second password check exists.
 */
@Configuration(proxyBeanMethods = false)
class OutpostApiSecurity {

    @Bean
    @Order(13)
    SecurityFilterChain outpostApiFilterChain(HttpSecurity http, ApiProblems problems, AuditLog auditLog) {
        AuthenticationEntryPoint signIn = (request, response, refused) -> {
            if (refused instanceof LockedException) {
                problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "SIGN_IN_LOCKED",
                        "schoolvisit.api.locked");
            } else {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Dukcapil\", charset=\"UTF-8\"");
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED",
                        "schoolvisit.api.unauthorized");
            }
        };
        http.securityMatcher(OutpostApiController.BASE + "/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(signIn))
                .authorizeHttpRequests(requests -> requests
                        // What a path takes is no secret: OPTIONS is answered with Allow, not 401 (decision 176).
                        .requestMatchers(HttpMethod.OPTIONS).permitAll()
                        .requestMatchers(OutpostApiController.BASE + "/days/**")
                        .hasAnyRole(Roles.REGISTRATION_OPERATOR, Roles.RECORDING_OPERATOR)
                        .anyRequest().hasRole(Roles.FIELD_OFFICER))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(signIn)
                        .accessDeniedHandler((request, response, denied) -> {
                            // Signed in (audited so) but not a field officer: the refusal is audited too.
                            auditLog.record(new AuditRecord("schoolvisit.outpost-api.refused", null, null,
                                    Outcome.REFUSED, request.getRequestURI() + "; FORBIDDEN"));
                            problems.write(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN",
                                    "schoolvisit.api.forbidden");
                        }));
        return http.build();
    }

    /** A day's bundle is larger than the APIs' usual 64 KB: its own cap, still read no further than it. */
    @Bean
    ApiBodyLimit outpostCheckInBodyLimit() {
        return new ApiBodyLimit(OutpostApiController.CHECKINS, OutpostApiController.CHECKIN_BODY_MAX_BYTES);
    }
}

package id.dukcapil.portal.booking.api;

import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.booking.CitizenTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns {@code Authorization: Bearer <token>} into the citizen it belongs to. An unknown or expired token
 * leaves the request anonymous; the chain then answers 401 where a citizen is needed. The citizen is kept with the
 * request: a booking's answer is written on a second dispatch of it, once its batch is done (decision 116).
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final CitizenTokens tokens;
    private final SecurityContextRepository contexts;

    BearerTokenFilter(CitizenTokens tokens, SecurityContextRepository contexts) {
        this.tokens = tokens;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            tokens.byToken(token(header)).ifPresent(citizen -> {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(citizen, null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + Roles.CITIZEN))));
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
            });
        }
        chain.doFilter(request, response);
    }

    static String token(String header) {
        return header.length() > PREFIX.length() ? header.substring(PREFIX.length()).strip() : "";
    }
}

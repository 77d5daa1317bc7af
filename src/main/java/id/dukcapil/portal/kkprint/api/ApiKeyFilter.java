package id.dukcapil.portal.kkprint.api;

import id.dukcapil.portal.kkprint.internal.ApiClientRepository;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates an API request by its {@value #HEADER} header; without a valid key it stays anonymous. */
class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final ApiClientRepository clients;

    ApiKeyFilter(ApiClientRepository clients) {
        this.clients = clients;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key != null && !key.isBlank()) {
            clients.authenticate(key.strip()).ifPresent(client -> {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new ApiClientAuthentication(client));
                SecurityContextHolder.setContext(context);
            });
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}

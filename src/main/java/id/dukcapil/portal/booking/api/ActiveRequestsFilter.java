package id.dukcapil.portal.booking.api;

import id.dukcapil.portal.booking.internal.ActiveRequests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** The rest of the API's chain runs in one of the places {@link ActiveRequests} gives (decision 115). */
class ActiveRequestsFilter extends OncePerRequestFilter {

    private final ActiveRequests active;

    ActiveRequestsFilter(ActiveRequests active) {
        this.active = active;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (ActiveRequests.Place place = active.enter()) {
            chain.doFilter(request, response);
        }
    }
}

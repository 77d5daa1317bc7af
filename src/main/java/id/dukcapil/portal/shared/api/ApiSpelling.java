package id.dukcapil.portal.shared.api;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;

/**
 * An API path in another spelling ({@code /API/v1/…}, {@code /Api/…}) is a 404 problem (issue 52, item 11; decision
 * 176). The APIs' chains and controllers match {@code /api/} exactly, as they must: a chain that matched more loosely
 * than its controller would let a path past the chain's guard. Such a path would otherwise fall through to Vaadin's
 * pages. In the fallback chain only, never a bean (Spring Boot would put a bean filter before every request).
 */
final class ApiSpelling implements Filter {

    private final ApiProblems problems;

    ApiSpelling(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        String path = request.getRequestURI();
        if (path.equals("/api") || path.startsWith("/api/")) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        problems.write(request, (HttpServletResponse) servletResponse, HttpStatus.NOT_FOUND, "NOT_FOUND",
                "shared.api.not-found");
    }
}

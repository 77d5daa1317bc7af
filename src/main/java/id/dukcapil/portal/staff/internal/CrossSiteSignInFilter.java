package id.dukcapil.portal.staff.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes login CSRF (decision 079): Vaadin's login form posts without Spring's CSRF token, so a page elsewhere could
 * sign a clerk's browser in to an account of the attacker's. A sign-in posted from another site is refused, told
 * by the browser's own headers: {@code Sec-Fetch-Site} where the browser sends it, else {@code Origin}. A client
 * that sends neither is no browser, and no victim's browser can be made to omit both.
 */
final class CrossSiteSignInFilter extends OncePerRequestFilter {

    private final String loginPath;

    CrossSiteSignInFilter(String loginPath) {
        this.loginPath = loginPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !(request.getContextPath() + loginPath).equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (crossSite(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !("same-origin".equalsIgnoreCase(site) || "none".equalsIgnoreCase(site));
        }
        String origin = request.getHeader("Origin");
        return origin != null && !sameOrigin(origin, request);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        URI uri;
        try {
            uri = URI.create(origin.strip());
        } catch (IllegalArgumentException notAnOrigin) {
            return false; // "null" (a sandboxed frame, a data: page) or garbage
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        return uri.getHost() != null && scheme != null && scheme.equals(request.getScheme())
                && uri.getHost().equalsIgnoreCase(request.getServerName())
                && port(scheme, uri.getPort()) == request.getServerPort();
    }

    private static int port(@Nullable String scheme, int port) {
        return port != -1 ? port : "https".equals(scheme) ? 443 : 80;
    }
}

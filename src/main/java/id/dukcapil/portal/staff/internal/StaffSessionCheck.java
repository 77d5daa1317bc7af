package id.dukcapil.portal.staff.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request of a staff session whose account changed goes on signed out, its session ended ({@link StaffSessions}):
 * a page asks for the sign-in, a screen's update finds its session expired and the screen reloads to the sign-in.
 * In the security filter chain, just after the session's security context is read.
 */
final class StaffSessionCheck extends OncePerRequestFilter {

    private final StaffSessions sessions;

    StaffSessionCheck(StaffSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal
                && !sessions.stillGranted(principal)) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                try {
                    session.invalidate();
                    sessions.ended(principal); // recorded by whoever ends it: here, or the node's sweep
                } catch (IllegalStateException endedMeanwhile) {
                    // the sweep ended it first, and recorded it
                }
            }
        }
        chain.doFilter(request, response);
    }
}

package id.dukcapil.portal;

import java.util.concurrent.Callable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Runs work as a demo staff member on the current thread: for tests that start their own threads, where
 * {@code @WithUserDetails} does not reach.
 */
public final class SignedInAs {

    private SignedInAs() {
    }

    public static <T> T call(UserDetailsService users, String username, Callable<T> work) throws Exception {
        UserDetails user = users.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.call();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    public static void run(UserDetailsService users, String username, Runnable work) {
        try {
            call(users, username, () -> {
                work.run();
                return null;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package id.dukcapil.portal;

import java.util.concurrent.Callable;

import id.dukcapil.portal.shared.Acting;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Runs work as a demo staff member on the current thread: for tests that start their own threads, where
 * {@code @WithUserDetails} does not reach, or for a step done by someone else than the test's user. A test signed
 * in with {@code @WithUserDetails} goes on as that user afterwards ({@link Acting}).
 */
public final class SignedInAs {

    private SignedInAs() {
    }

    public static <T> T call(UserDetailsService users, String username, Callable<T> work) {
        return Acting.as(Acting.signedIn(users, username), work);
    }

    public static void run(UserDetailsService users, String username, Runnable work) {
        call(users, username, () -> {
            work.run();
            return null;
        });
    }
}

package id.dukcapil.portal.shared.tx;

import org.springframework.dao.TransientDataAccessException;

/**
 * The connection was lost while the transaction committed: it may or may not have been kept, and it is not tried
 * again blindly (decision 117). A caller that can look its work up (a booking's code, an idempotency key) does so;
 * otherwise the answer is 503, and the client's retry with its idempotency key finds what was kept.
 */
public class CommitUnknownException extends TransientDataAccessException {

    public CommitUnknownException(Throwable lost) {
        super("The connection was lost during the commit: the outcome is unknown", lost);
    }
}

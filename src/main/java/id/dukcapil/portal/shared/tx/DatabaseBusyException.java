package id.dukcapil.portal.shared.tx;

import org.springframework.dao.TransientDataAccessException;

/**
 * The unit of work was rolled back on every try (decision 117): nothing of it was kept. The API answers 503
 * {@code BUSY} with {@code Retry-After}; a screen says that nothing was saved and to try again.
 */
public class DatabaseBusyException extends TransientDataAccessException {

    public DatabaseBusyException(int tries, Throwable last) {
        super("Rolled back on each of " + tries + " tries; nothing was kept", last);
    }
}

package id.dukcapil.portal.shared.tx;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Tells a unique key's refusal from the other integrity failures Spring reports alike for JPA writes (a missing
 * value, a foreign key): only the first means "someone else did it meanwhile" and may be told to the user as such.
 */
public final class UniqueKeys {

    private UniqueKeys() {
    }

    /** Whether the write was refused by a unique key (Hibernate names the constraint's kind). */
    public static boolean violated(DataIntegrityViolationException failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException constraint) {
                return constraint.getKind() == ConstraintKind.UNIQUE;
            }
        }
        return false;
    }
}

package id.dukcapil.portal.shared.tx;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import org.jspecify.annotations.Nullable;

/**
 * What a failed unit of work leaves behind, read from the database's own error under whatever the driver, Hibernate
 * and Spring wrapped it in. Only the server's error numbers are trusted: the same deadlock reaches the caller as a
 * {@code CannotAcquireLockException} from JDBC and as a {@code PessimisticLockException} from JPA.
 */
public enum TransientFailure {

    /** The server rolled the whole transaction back: a deadlock, a lock wait too long, a certification failure. */
    ROLLED_BACK,
    /** The connection was lost: before the commit nothing was kept; during the commit nobody knows. */
    CONNECTION_LOST,
    /** Anything else: a rule, a unique key, a bug. Not tried again. */
    NONE;

    /** Deadlock, or a Galera certification failure, which the server reports as one. */
    static final int ER_LOCK_DEADLOCK = 1213;
    static final int ER_LOCK_WAIT_TIMEOUT = 1205;
    /** Galera: "WSREP has not yet prepared node for application use" (a node joining or out of the primary). */
    static final int ER_UNKNOWN_COM_ERROR = 1047;
    /** Galera: the write set could not be replicated or applied ("Got error 6 during COMMIT" and its kin). */
    static final int ER_ERROR_DURING_COMMIT = 1180;
    /** The statement's time limit (max_statement_time): the statement ran too long and was stopped. */
    static final int ER_STATEMENT_TIMEOUT = 1969;
    /** The connection was killed from another session. */
    static final int ER_CONNECTION_KILLED = 1927;

    public static TransientFailure of(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnitOfWorkLost) {
                return ROLLED_BACK;
            }
            if (cause instanceof SQLException sql) {
                TransientFailure kind = of(sql);
                if (kind != NONE) {
                    return kind;
                }
            }
        }
        return NONE;
    }

    private static TransientFailure of(SQLException sql) {
        int code = sql.getErrorCode();
        if (code == ER_LOCK_DEADLOCK || code == ER_LOCK_WAIT_TIMEOUT || code == ER_UNKNOWN_COM_ERROR
                || code == ER_ERROR_DURING_COMMIT || sql instanceof SQLTransactionRollbackException) {
            return ROLLED_BACK;
        }
        String state = sql.getSQLState();
        if (code == ER_CONNECTION_KILLED || sql instanceof SQLNonTransientConnectionException
                || sql instanceof SQLRecoverableException
                || (state != null && state.startsWith("08") && !(sql instanceof SQLTransientConnectionException))) {
            // No connection from the pool in time (SQLTransientConnectionException) is not a lost one: nothing ran.
            return CONNECTION_LOST;
        }
        return NONE;
    }
}

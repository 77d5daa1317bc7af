package id.dukcapil.portal.shared.tx;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Tells a lost connection during a commit from one before it: before, the server rolled everything back and the
 * unit of work may run again; during, it may have been kept ({@link CommitUnknownException}). The transaction
 * manager tells its listeners just before it commits (after the before-commit work such as the audit append) and
 * after a commit that went through; a failure in between was the commit's. Registered with every transaction
 * manager ({@link TransactionConfiguration}); the state is the current thread's, as the commit is.
 */
@Component
class CommitPhase implements TransactionExecutionListener {

    private final ThreadLocal<Boolean> committing = ThreadLocal.withInitial(() -> false);
    private final ThreadLocal<Boolean> rollbackFailed = ThreadLocal.withInitial(() -> false);

    @Override
    public void beforeCommit(TransactionExecution transaction) {
        if (transaction.isNewTransaction()) {
            committing.set(true);
        }
    }

    @Override
    public void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
        if (commitFailure == null && transaction.isNewTransaction()) {
            committing.set(false);
        }
    }

    /**
     * A rollback that failed lost its connection: Spring then throws the rollback's failure in place of the one that
     * made it roll back, and the server, having lost the session, dropped the transaction.
     */
    @Override
    public void afterRollback(TransactionExecution transaction, @Nullable Throwable rollbackFailure) {
        if (rollbackFailure != null) {
            rollbackFailed.set(true);
        }
    }

    /**
     * Whether a rollback on this thread failed since the last {@link #reset}: the connection is gone. Before the commit
     * nothing was kept; a rollback after a failed commit (Spring's rollback on commit failure) says nothing of what the
     * commit kept, which {@link #commitFailed} tells. The pool's closed connection answers without an SQL state, so the
     * failure Spring throws in its place cannot say it.
     */
    boolean rollbackFailed() {
        return rollbackFailed.get();
    }

    /** Whether the last transaction begun on this thread failed in its commit. */
    boolean commitFailed() {
        return committing.get();
    }

    void reset() {
        committing.remove();
        rollbackFailed.remove();
    }
}

package id.dukcapil.portal.shared.tx;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The portal's {@link TransactionTemplate}: a callback that begins its own transaction is a unit of work, run again
 * by {@link WriteRetries} when the database rolled it back. One that joins a transaction under way is part of that
 * one's unit of work, which the outermost caller runs again; a read-only one writes nothing to keep whole.
 */
public class RetryingTransactionTemplate extends TransactionTemplate {

    private final transient WriteRetries retries;

    public RetryingTransactionTemplate(PlatformTransactionManager transactionManager, WriteRetries retries) {
        super(transactionManager);
        this.retries = retries;
    }

    @Override
    public <T> @Nullable T execute(TransactionCallback<T> action) throws TransactionException {
        if (isReadOnly() || !beginsItsOwn(getPropagationBehavior())) {
            return super.execute(action);
        }
        return retries.run(() -> super.execute(action));
    }

    /** Whether a transaction of this propagation is a unit of work of its own here. */
    static boolean beginsItsOwn(int propagation) {
        return propagation == TransactionDefinition.PROPAGATION_REQUIRES_NEW
                || (propagation == TransactionDefinition.PROPAGATION_REQUIRED
                        && !TransactionSynchronizationManager.isActualTransactionActive());
    }
}

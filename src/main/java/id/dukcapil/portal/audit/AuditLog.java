package id.dukcapil.portal.audit;

import id.dukcapil.portal.audit.internal.AuditAppender;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records what happened. Inside a transaction the entry is appended right before that transaction commits,
 * in it: the entry exists exactly when the action it describes does, and the chain's lock is held only for
 * the commit, not for the whole action. Outside a transaction it is appended at once.
 */
@Service
public class AuditLog {

    private final AuditAppender appender;
    private final CurrentActor currentActor;
    private final Clock clock;

    AuditLog(AuditAppender appender, CurrentActor currentActor, Clock clock) {
        this.appender = appender;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** Records an action of the current actor (the signed-in user, or the system). */
    public void record(AuditRecord record) {
        record(currentActor.get(), record);
    }

    public void record(Actor actor, AuditRecord record) {
        AuditAppender.Pending pending = new AuditAppender.Pending(clock.instant(), actor, record);
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            pendingOfCurrentTransaction().add(pending);
        } else {
            appender.appendInNewTransaction(List.of(pending));
        }
    }


    @SuppressWarnings("unchecked")
    private List<AuditAppender.Pending> pendingOfCurrentTransaction() {
        Object existing = TransactionSynchronizationManager.getResource(this);
        if (existing != null) {
            return (List<AuditAppender.Pending>) existing;
        }
        List<AuditAppender.Pending> pending = new ArrayList<>();
        TransactionSynchronizationManager.bindResource(this, pending);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                appender.appendInCurrentTransaction(pending);
            }

            /*
             * A transaction of its own begun inside this one (REQUIRES_NEW) suspends this one: its entries must not
             * join this list, or they would be kept only if this transaction commits, and appended twice when a retry
             * runs it again. Spring suspends the synchronization; the list is unbound with it and bound again after.
             */
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResourceIfPossible(AuditLog.this);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(AuditLog.this, pending);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(AuditLog.this);
            }
        });
        return pending;
    }
}

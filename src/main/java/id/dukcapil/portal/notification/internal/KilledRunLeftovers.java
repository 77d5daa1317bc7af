package id.dukcapil.portal.notification.internal;

import id.dukcapil.portal.shared.secret.NodeScope;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On the embedded database this JVM is the only node, so whatever is held when it starts was held by a run of it
 * that was killed: the scheduled jobs' locks and the outbox's claims are released at once, not after their lease
 * (10 minutes without any e-mail after a crash otherwise). Runs before the scheduled jobs start (decision 078). With
 * an external database other nodes may hold them, and it does nothing: a check at its run, not a condition, so that
 * the bean set is one for both databases.
 */
@Component
class KilledRunLeftovers implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(KilledRunLeftovers.class);

    private final JobLockTable locks;
    private final OutboxRecovery recovery;
    private final Clock clock;
    private final NodeScope scope;

    KilledRunLeftovers(JobLockTable locks, OutboxRecovery recovery, Clock clock, Environment environment) {
        this.locks = locks;
        this.recovery = recovery;
        this.clock = clock;
        this.scope = NodeScope.of(environment);
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!scope.aloneOnItsDatabase()) {
            return;
        }
        int released = locks.releaseAll();
        if (released > 0) {
            log.warn("{} scheduled job lock(s) left by a stopped run released", released);
        }
        recovery.recoverAbandoned(clock.instant().plusMillis(1));
    }
}

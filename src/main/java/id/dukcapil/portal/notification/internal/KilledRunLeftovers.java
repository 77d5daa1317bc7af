package id.dukcapil.portal.notification.internal;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On the embedded database this JVM is the only node, so whatever is held when it starts was held by a run of it
 * that was killed: the scheduled jobs' locks and the outbox's claims are released at once, not after their lease
 * (10 minutes without any e-mail after a crash otherwise). Runs before the scheduled jobs start (decision 078).
 */
@Component
@ConditionalOnProperty(name = "portal.embedded-db.active", havingValue = "true")
class KilledRunLeftovers implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(KilledRunLeftovers.class);

    private final OutboxStore store;
    private final OutboxSender sender;
    private final Clock clock;

    KilledRunLeftovers(OutboxStore store, OutboxSender sender, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int locks = store.releaseJobLocks();
        if (locks > 0) {
            log.warn("{} scheduled job lock(s) left by a stopped run released", locks);
        }
        sender.recoverAbandoned(clock.instant().plusMillis(1));
    }
}

package id.dukcapil.portal.shared.internal.db;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the embedded MariaDB again when its process has died (killed, crashed, out of memory): on the same folder
 * and port, so the connection pool finds it again by itself. Does nothing with an external database, whose own
 * supervisor restarts it; the pool reconnects to it the same way. On every node, without a cluster lock: the
 * embedded server is this node's own process (and the embedded database has no other node).
 */
@Component
class EmbeddedMariaDbWatchdog {

    @Scheduled(fixedDelayString = "${portal.embedded-db.watchdog-interval:PT2S}",
            initialDelayString = "${portal.embedded-db.watchdog-interval:PT2S}")
    void restartTheServerIfItDied() {
        EmbeddedMariaDb.running().ifPresent(EmbeddedMariaDb::restartIfDead);
    }
}

package id.dukcapil.portal.shared.internal.db;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationListener;

/** When the portal fails to start, stops the embedded MariaDB, whose process would keep the JVM alive. */
class EmbeddedMariaDbStopOnFailure implements ApplicationListener<ApplicationFailedEvent> {

    @Override
    public void onApplicationEvent(ApplicationFailedEvent event) {
        EmbeddedMariaDb.stopIfRunning();
    }
}

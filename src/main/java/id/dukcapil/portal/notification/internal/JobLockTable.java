package id.dukcapil.portal.notification.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** ShedLock's table, created with the outbox for its sender: the one write the portal makes into it itself. */
@Component
class JobLockTable {

    private final JdbcClient jdbc;

    JobLockTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ends every scheduled job's lock: only for a node that knows it is the database's only client, at its start. */
    public int releaseAll() {
        return jdbc.sql("UPDATE shedlock SET lock_until = CURRENT_TIMESTAMP(3) WHERE lock_until > CURRENT_TIMESTAMP(3)")
                .update();
    }
}

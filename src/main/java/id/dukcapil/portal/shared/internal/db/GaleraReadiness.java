package id.dukcapil.portal.shared.internal.db;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The readiness's {@code galera} part (decision 186): a node is ready only while the Galera node its connections reach
 * is ready for writes, as Galera's documentation tells a client to ask ({@code wsrep_ready} ON and
 * {@code wsrep_local_state} 4, synced). A node cut off from the others still hands out connections and answers a
 * validation; it refuses every statement. On a server that is not a Galera node (the embedded one, a single MariaDB)
 * {@code wsrep_on} is absent or OFF, and this part is always up. HAProxy asks {@code /readyz} every second: one query
 * of two tables in memory. A failed query (the server away) is this part down, not an error of the endpoint: Spring
 * Boot's {@link AbstractHealthIndicator} says so; a bare indicator's exception became a 500 whose error page asked a
 * sign-in (a 302 to /login where HAProxy and the supervisors expect 503).
 */
@Component("galera")
class GaleraReadiness extends AbstractHealthIndicator {

    private static final String WSREP = """
            SELECT variable_name, variable_value FROM information_schema.global_variables
            WHERE variable_name = 'WSREP_ON'
            UNION ALL
            SELECT variable_name, variable_value FROM information_schema.global_status
            WHERE variable_name IN ('WSREP_READY', 'WSREP_LOCAL_STATE', 'WSREP_LOCAL_STATE_COMMENT',
                'WSREP_CLUSTER_STATUS')""";
    private static final String SYNCED = "4";

    private final JdbcClient jdbc;

    GaleraReadiness(JdbcClient jdbc) {
        super("The Galera state of the database could not be read");
        this.jdbc = jdbc;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        Map<String, String> wsrep = new HashMap<>();
        jdbc.sql(WSREP).query(rows -> {
            wsrep.put(rows.getString(1).toLowerCase(java.util.Locale.ROOT), rows.getString(2));
        });
        if (!"ON".equalsIgnoreCase(wsrep.get("wsrep_on"))) {
            health.up().withDetail("galera", "not a Galera node");
            return;
        }
        boolean ready = "ON".equalsIgnoreCase(wsrep.get("wsrep_ready")) && SYNCED.equals(wsrep.get("wsrep_local_state"));
        (ready ? health.up() : health.down()).withDetails(Map.copyOf(wsrep));
    }
}

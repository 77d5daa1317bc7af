package id.dukcapil.portal.shared.internal.db;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The readiness's {@code galera} part (decision 186): a node is ready only while the Galera node its connections reach
 * is ready for writes, as Galera's documentation tells a client to ask ({@code wsrep_ready} ON and
 * {@code wsrep_local_state} 4, synced). A node cut off from the others still hands out connections and answers a
 * validation; it refuses every statement. On a server that is not a Galera node (the embedded one, a single MariaDB)
 * {@code wsrep_on} is absent or OFF, and this part is always up. HAProxy asks {@code /readyz} every second: one query
 * of two tables in memory.
 */
@Component("galera")
class GaleraReadiness implements HealthIndicator {

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
        this.jdbc = jdbc;
    }

    @Override
    public Health health() {
        Map<String, String> wsrep = new HashMap<>();
        jdbc.sql(WSREP).query(rows -> {
            wsrep.put(rows.getString(1).toLowerCase(java.util.Locale.ROOT), rows.getString(2));
        });
        if (!"ON".equalsIgnoreCase(wsrep.get("wsrep_on"))) {
            return Health.up().withDetail("galera", "not a Galera node").build();
        }
        boolean ready = "ON".equalsIgnoreCase(wsrep.get("wsrep_ready")) && SYNCED.equals(wsrep.get("wsrep_local_state"));
        return (ready ? Health.up() : Health.down()).withDetails(Map.copyOf(wsrep)).build();
    }
}

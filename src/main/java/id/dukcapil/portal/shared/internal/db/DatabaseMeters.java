package id.dukcapil.portal.shared.internal.db;

import id.dukcapil.portal.shared.metrics.Sampled;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The database as this node sees it (decision 178); the pool's own meters are Boot's ({@code hikaricp_*}).
 * <ul>
 * <li>{@code portal.database.away}: 1 while the gate refuses connections at once because the database is away
 * (decision 138), else 0; read from the gate, no query.</li>
 * <li>{@code portal.galera.local.state}: the {@code wsrep_local_state} of the Galera node this node's pool writes to
 * (4 synced; 1 joining, 2 donor, 3 joined), read once per scrape. Absent on a server that is not a Galera node, which
 * answers no such status; NaN while the database is away.</li>
 * </ul>
 */
@Component
class DatabaseMeters implements MeterBinder {

    private static final String WSREP_LOCAL_STATE = "SHOW STATUS LIKE 'wsrep_local_state'";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Sampled<Optional<Integer>> localState;

    DatabaseMeters(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.localState = new Sampled<>(this::readLocalState, Duration.ofSeconds(5));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gate().ifPresent(gate -> Gauge.builder("portal.database.away", gate, g -> g.away() ? 1 : 0)
                .description("1 while the database is away and connections are refused at once")
                .strongReference(true).register(registry));
        if (localState.get().flatMap(state -> state).isPresent()) {
            Gauge.builder("portal.galera.local.state", this,
                            meters -> meters.localState.get().flatMap(state -> state).map(Integer::doubleValue)
                                    .orElse(Double.NaN))
                    .description("wsrep_local_state of the Galera node written to (4: synced)")
                    .strongReference(true).register(registry);
        }
    }

    /** The gate in front of the pool, found through whatever wraps it (JDBC's own unwrapping). */
    private Optional<DatabaseAwayGate> gate() {
        try {
            return dataSource.isWrapperFor(DatabaseAwayGate.class)
                    ? Optional.of(dataSource.unwrap(DatabaseAwayGate.class)) : Optional.empty();
        } catch (SQLException notWrapped) {
            return Optional.empty();
        }
    }

    private Optional<Integer> readLocalState() {
        return jdbc.sql(WSREP_LOCAL_STATE).query((rs, row) -> Integer.parseInt(rs.getString("Value"))).optional();
    }
}

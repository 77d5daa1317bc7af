package id.dukcapil.portal.shared.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import id.dukcapil.portal.FreePorts;
import id.dukcapil.portal.PortalTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Decision 138: a pool whose database is away refuses at once; a pool that is only busy keeps its wait. */
@PortalTest
class DatabaseAwayGateTests {

    @Autowired DataSource portalDataSource;

    @Test
    void the_portal_hands_out_its_connections_through_the_gate() throws Exception {
        assertThat(portalDataSource.isWrapperFor(DatabaseAwayGate.class)).isTrue();
    }

    @Test
    void once_a_wait_found_the_database_away_the_next_callers_are_refused_at_once_and_one_probes_per_interval()
            throws Exception {
        try (HikariDataSource pool = pool(nobodyListening(), "", "", 2)) {
            DatabaseAwayGate gate = new DatabaseAwayGate(pool, Duration.ofMillis(400));

            long firstCalled = System.nanoTime();
            assertThat(millisToRefusal(gate)).as("the first caller waits the pool's time-out, and its own connection "
                    + "is refused at once").isGreaterThanOrEqualTo(250).isLessThan(1_250);
            assertThat(gate.away()).isTrue();
            assertThat(millisToRefusal(gate)).as("the next is refused at once").isLessThan(50);
            assertThat(millisToRefusal(gate)).isLessThan(50);

            // Callers every 20 ms until the gate lets one through to the pool (issue 50: the probe itself, told by the
            // pool's own time-out, not a fixed wait; a stalled machine may make a refusal slow, never a pool's wait short).
            long probedAfter = -1;
            while (probedAfter < 0) {
                assertThat(System.nanoTime() - firstCalled).as("a probe within seconds").isLessThan(10_000_000_000L);
                long calledAt = System.nanoTime();
                SQLException refusal = refusal(gate);
                long returnedAt = System.nanoTime();
                if (refusal.getMessage().contains("refused without waiting")) {
                    Thread.sleep(20);
                } else {
                    assertThat((returnedAt - calledAt) / 1_000_000).as("the probe waits the pool's time-out")
                            .isGreaterThanOrEqualTo(250);
                    probedAfter = (returnedAt - firstCalled) / 1_000_000;
                }
            }
            assertThat(probedAfter).as("one probe per interval goes to the pool, not before: the first caller's 250 ms "
                    + "and the interval's 400").isGreaterThanOrEqualTo(650);
            assertThat(millisToRefusal(gate)).as("and the others are still refused at once").isLessThan(50);
        }
    }

    @Test
    void a_pool_that_is_only_busy_keeps_the_gate_open() throws Exception {
        HikariDataSource portal = portalDataSource.unwrap(HikariDataSource.class);
        try (HikariDataSource pool = pool(portal.getJdbcUrl(), portal.getUsername(), portal.getPassword(), 1)) {
            DatabaseAwayGate gate = new DatabaseAwayGate(pool, Duration.ofMillis(100));
            try (Connection held = gate.getConnection()) {
                assertThat(millisToRefusal(gate)).isGreaterThanOrEqualTo(250);
                assertThat(gate.away()).as("every connection in use is not an outage").isFalse();
            }
            try (Connection again = gate.getConnection()) {
                assertThat(again.isValid(1)).isTrue();
            }
        }
    }

    /** Decision 186: every connection the pool makes fails, but the server answers one of the gate's own. */
    @Test
    void a_pool_that_cannot_make_connections_from_a_server_that_answers_keeps_the_gate_open() throws Exception {
        HikariDataSource portal = portalDataSource.unwrap(HikariDataSource.class);
        try (HikariDataSource pool = pool(portal.getJdbcUrl(), portal.getUsername(), portal.getPassword(), 2)) {
            pool.setConnectionInitSql("SELECT no_such_column FROM no_such_table");
            DatabaseAwayGate gate = new DatabaseAwayGate(pool, Duration.ofMillis(100));

            assertThat(millisToRefusal(gate)).as("the pool's time-out").isGreaterThanOrEqualTo(250);
            assertThat(gate.away()).as("a server that answers is not away").isFalse();
            assertThat(millisToRefusal(gate)).as("the next caller is not refused at once").isGreaterThanOrEqualTo(250);
        }
    }

    /**
     * Decision 186: a connection killed while it waited in the pool is handed out unchecked (the pool tests only those
     * idle for half a second); once a unit of work told the gate of a lost connection, the gate tests them.
     */
    @Test
    void after_a_lost_connection_the_gate_hands_out_live_connections_only() throws Exception {
        HikariDataSource portal = portalDataSource.unwrap(HikariDataSource.class);
        try (HikariDataSource pool = pool(portal.getJdbcUrl(), portal.getUsername(), portal.getPassword(), 1);
             Connection killer = java.sql.DriverManager.getConnection(portal.getJdbcUrl(), portal.getUsername(),
                     portal.getPassword())) {
            pool.setConnectionTimeout(5_000); // the dead one's replacement is opened meanwhile
            DatabaseAwayGate gate = new DatabaseAwayGate(pool, Duration.ofMillis(100));
            kill(gate, killer);
            try (Connection handedOut = gate.getConnection()) {
                assertThatThrownBy(() -> handedOut.createStatement().execute("SELECT 1"))
                        .as("without a word of a loss, the killed connection is handed out")
                        .isInstanceOf(java.sql.SQLException.class);
            }
            kill(gate, killer);
            gate.connectionLost();
            try (Connection handedOut = gate.getConnection()) {
                assertThat(handedOut.createStatement().execute("SELECT 1")).as("a live connection").isTrue();
            }
        }
    }

    /** Kills the pool's one connection from another session, within the pool's half second of trust. */
    private static void kill(DataSource gate, Connection killer) throws Exception {
        long id;
        try (Connection pooled = gate.getConnection(); var statement = pooled.createStatement();
             var row = statement.executeQuery("SELECT CONNECTION_ID()")) {
            row.next();
            id = row.getLong(1);
        }
        try (var statement = killer.createStatement()) {
            statement.execute("KILL CONNECTION " + id);
        }
    }

    private static SQLException refusal(DataSource gate) {
        try (Connection unexpected = gate.getConnection()) {
            throw new AssertionError("a connection from a database nobody listens for: " + unexpected);
        } catch (SQLTransientConnectionException refused) {
            return refused;
        } catch (SQLException other) {
            throw new AssertionError(other);
        }
    }

    private static long millisToRefusal(DataSource gate) {
        long started = System.nanoTime();
        assertThatThrownBy(gate::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static HikariDataSource pool(String url, String user, String password, int size) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(size);
        pool.setConnectionTimeout(250);
        pool.setInitializationFailTimeout(-1);
        return pool;
    }

    private static String nobodyListening() throws Exception {
        return "jdbc:mariadb://127.0.0.1:" + FreePorts.next() + "/portal";
    }
}

package id.dukcapil.portal.shared.internal.db;

import com.zaxxer.hikari.HikariDataSource;
import id.dukcapil.portal.shared.tx.ConnectionLosses;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * While the database is away, a connection is refused at once instead of after the pool's whole wait (decision
 * 138). The pool finds out that the database is away only when a caller has waited its connection timeout and no new
 * connection could be made meanwhile; from then on every caller waiting its own 3 s held a request thread, and with
 * an office's boards and desks asking every second, the 12 threads were all waiting and a citizen's request queued
 * behind them: the API's "503 at once" came after 6 s and more. Now the first such time-out closes the gate: callers
 * are refused in microseconds with the same {@link SQLTransientConnectionException} the pool throws, and one caller
 * at a time, once per {@code portal.db.away-probe}, is let through to the pool to find out whether the database is
 * back. A pool that is only busy (connections open and in use) never closes the gate, even when an earlier failure
 * to open one is still the last the pool remembers.
 * <p>
 * A server that kills sessions is not away (decision 186): before closing, the gate opens a connection of its own,
 * outside the pool, and closes only when that fails too. And once a unit of work lost its connection
 * ({@link ConnectionLosses}), the pool's other connections are likely dead as well but would be handed out unchecked
 * (the pool tests only those idle for a while): for a few seconds each connection is tested before it is handed out,
 * and a dead one is evicted for a new one.
 */
final class DatabaseAwayGate extends DelegatingDataSource implements ConnectionLosses {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAwayGate.class);

    /** How long after a lost connection the connections handed out are tested first. */
    static final Duration CHECK_AFTER_A_LOSS = Duration.ofSeconds(5);
    /** A fresh connection's wait for the server that is to say whether it is away: short, the caller waited already. */
    private static final int CONFIRM_TIMEOUT_MILLIS = 500;

    private final HikariDataSource pool;
    private final long probeEveryNanos;
    private final IntSupplier connectionsOpen;
    private final AtomicLong nextProbe = new AtomicLong();
    private volatile boolean away;
    private volatile long checkUntil = System.nanoTime();

    DatabaseAwayGate(HikariDataSource pool, Duration probeEvery) {
        super(pool);
        this.pool = pool;
        this.probeEveryNanos = probeEvery.toNanos();
        this.connectionsOpen = () -> pool.getHikariPoolMXBean() == null ? 0
                : pool.getHikariPoolMXBean().getTotalConnections();
    }

    @Override
    public void connectionLost() {
        checkUntil = System.nanoTime() + CHECK_AFTER_A_LOSS.toNanos();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return through(() -> super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return through(() -> super.getConnection(username, password));
    }

    /** Whether the gate is closed: the last try found the database away. */
    boolean away() {
        return away;
    }

    private Connection through(ConnectionSource pool) throws SQLException {
        if (away && !probeTurn()) {
            throw new SQLTransientConnectionException("The database is away: refused without waiting (decision 138)",
                    "08001");
        }
        try {
            Connection connection = checked(pool);
            if (away) {
                away = false;
                log.info("The database is back: connections are handed out again");
            }
            return connection;
        } catch (SQLTransientConnectionException timedOut) {
            // The pool's time-out names the last failure to open a connection, or nothing when it was only busy;
            // a pool still holding connections reaches the database, whatever failure it remembers.
            if (timedOut.getCause() != null && connectionsOpen.getAsInt() == 0) {
                if (!away && serverAnswers()) {
                    log.warn("No connection from the pool in time ({}), but the server answers a new one: not away",
                            timedOut.getCause().toString());
                    throw timedOut;
                }
                nextProbe.set(System.nanoTime() + probeEveryNanos);
                if (!away) {
                    away = true;
                    log.warn("The database is away ({}): connections are refused at once until it answers again",
                            timedOut.getCause().toString());
                }
            }
            throw timedOut;
        }
    }

    /**
     * The pool's connection, tested first while connections are being lost: a dead one is evicted (the pool opens
     * another meanwhile) and the next is taken, at most as many as the pool holds.
     */
    private Connection checked(ConnectionSource source) throws SQLException {
        Connection connection = source.get();
        if (System.nanoTime() - checkUntil > 0) {
            return connection;
        }
        for (int tested = 0; tested < pool.getMaximumPoolSize() && !connection.isValid(1); tested++) {
            pool.evictConnection(connection);
            connectionLost();
            connection = source.get();
        }
        return connection;
    }

    /**
     * Whether the server answers a connection of the gate's own, opened as the pool opens its connections but outside
     * it: a pool that could not hand one out in time (every connection killed as it was made, say) is no proof that
     * the server is gone.
     */
    private boolean serverAnswers() {
        String url = pool.getJdbcUrl();
        if (url == null) {
            return false; // a pool made from a DataSource object: nothing to open beside it
        }
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("connectTimeout", Integer.toString(CONFIRM_TIMEOUT_MILLIS));
        properties.setProperty("socketTimeout", Integer.toString(CONFIRM_TIMEOUT_MILLIS));
        try (Connection fresh = DriverManager.getConnection(url, properties)) {
            return fresh.isValid(1);
        } catch (SQLException | RuntimeException notAnswering) {
            return false;
        }
    }

    /** One caller per probe interval goes to the pool while the gate is closed. */
    private boolean probeTurn() {
        long due = nextProbe.get();
        long now = System.nanoTime();
        return now - due >= 0 && nextProbe.compareAndSet(due, now + probeEveryNanos);
    }

    @FunctionalInterface
    private interface ConnectionSource {
        Connection get() throws SQLException;
    }

    /** Puts the gate in front of the connection pool, whoever made it. */
    @Component
    static final class Installer implements BeanPostProcessor {

        private final Duration probeEvery;

        Installer(@Value("${portal.db.away-probe:PT0.5S}") Duration probeEvery) {
            this.probeEvery = probeEvery;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof HikariDataSource pool ? new DatabaseAwayGate(pool, probeEvery) : bean;
        }
    }
}

package id.dukcapil.portal.shared.internal.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
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
 */
final class DatabaseAwayGate extends DelegatingDataSource {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAwayGate.class);

    private final long probeEveryNanos;
    private final IntSupplier connectionsOpen;
    private final AtomicLong nextProbe = new AtomicLong();
    private volatile boolean away;

    DatabaseAwayGate(HikariDataSource pool, Duration probeEvery) {
        super(pool);
        this.probeEveryNanos = probeEvery.toNanos();
        this.connectionsOpen = () -> pool.getHikariPoolMXBean() == null ? 0
                : pool.getHikariPoolMXBean().getTotalConnections();
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
            Connection connection = pool.get();
            if (away) {
                away = false;
                log.info("The database is back: connections are handed out again");
            }
            return connection;
        } catch (SQLTransientConnectionException timedOut) {
            // The pool's time-out names the last failure to open a connection, or nothing when it was only busy;
            // a pool still holding connections reaches the database, whatever failure it remembers.
            if (timedOut.getCause() != null && connectionsOpen.getAsInt() == 0) {
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

package id.dukcapil.portal.shared.tx;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a node does to an empty database at its start (the first ADMIN, the demo data) is done by one node at a time:
 * each such step checks what is there and fills what is not, and two nodes started together would both find nothing
 * and both fill it. The step runs while its node holds the lock of the one row of {@code shared_first_start}; a
 * second node waits, then finds the first's work done. One writing Galera node (decision 123) makes the row lock
 * the cluster's.
 */
@Component
public class FirstStart {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    /** A node waits this long for another's first start (the demo population takes a minute on a slow machine). */
    private static final Duration WAIT = Duration.ofMinutes(10);
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    /** The steps this thread runs inside another's: they hold the lock already. */
    private static final ThreadLocal<Boolean> HELD = ThreadLocal.withInitial(() -> false);

    private final DataSource dataSource;

    FirstStart(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code step} while no other node runs a first-start step. */
    public void exclusively(String step, Runnable work) {
        if (HELD.get()) {
            work.run();
            return;
        }
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            take(lock, step);
            HELD.set(true);
            try {
                work.run();
            } finally {
                HELD.set(false);
                lock.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The first-start lock could not be taken for " + step, e);
        }
    }

    private static void take(Connection lock, String step) throws SQLException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try (Statement statement = lock.createStatement()) {
                statement.executeQuery("SELECT id FROM shared_first_start WHERE id = 1 FOR UPDATE").close();
                return;
            } catch (SQLException e) {
                if (e.getErrorCode() != LOCK_WAIT_TIMEOUT || System.nanoTime() > deadline) {
                    throw e;
                }
                log.info("Another node is filling the database ({} waits)", step);
                lock.rollback();
            }
        }
    }
}

package id.dukcapil.portal.shared.tx;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * The test run's database, able to fail the N-th statement (or commit) of the threads chosen, the way MariaDB and
 * Galera fail them: the server rolls the transaction back, then answers with its error; or loses the connection; or
 * (Galera's ps-protocol bug) rolls back and answers as if nothing happened. Disarmed, it is the pool itself.
 */
public final class FaultInjectingDataSource {

    /** How a statement fails. */
    public enum Fault {
        /** 1213: a deadlock, or a Galera certification failure; the server rolled the transaction back. */
        DEADLOCK,
        /** 1205: a lock waited for too long. */
        LOCK_WAIT_TIMEOUT,
        /** 1047: a Galera node not ready for applications (joining, or out of the primary component). */
        NOT_PREPARED,
        /** The connection lost before the commit: killed, or its node gone. */
        CONNECTION_LOST,
        /** The connection lost during the commit, after the server kept it: the outcome is unknown to the portal. */
        LOST_AFTER_COMMIT,
        /** Galera's eaten deadlock: the transaction rolled back, the statement answered as done. */
        SILENT_ROLLBACK
    }

    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch");

    private static volatile Plan plan;

    private FaultInjectingDataSource() {
    }

    /** The pool, wrapped. */
    public static DataSource wrap(DataSource pool) {
        return (DataSource) Proxy.newProxyInstance(FaultInjectingDataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(pool, method, args);
                    return result instanceof Connection connection && method.getName().equals("getConnection")
                            ? connection(connection) : result;
                });
    }

    /**
     * From now on the {@code nth} statement or commit of the threads chosen fails with the fault, and every
     * {@code every}-th after it, {@code times} times in all ({@code Integer.MAX_VALUE}: for ever).
     */
    public static void arm(Fault fault, int nth, int every, int times, Predicate<Thread> threads) {
        plan = new Plan(fault, nth, every, times, threads, false);
    }

    /** Every {@code every}-th commit of the threads chosen fails with the fault (a benchmark's share of conflicts). */
    public static void armCommits(Fault fault, int every, Predicate<Thread> threads) {
        plan = new Plan(fault, every, every, Integer.MAX_VALUE, threads, true);
    }

    /** The {@code nth} statement or commit of the current thread and of the booking batches fails once. */
    public static void armOnce(Fault fault, int nth) {
        arm(fault, nth, Integer.MAX_VALUE, 1, portalThreads(Thread.currentThread()));
    }

    /**
     * The threads a test's action runs on: its own, the booking batches' and the signing batches' (not the signing
     * lease's heartbeat, which runs on its own clock).
     */
    public static Predicate<Thread> portalThreads(Thread test) {
        return thread -> thread == test || thread.getName().startsWith("booking-batch-")
                || thread.getName().startsWith("signing-") && !thread.getName().equals("signing-lease");
    }

    /** How many statements and commits the work runs on the threads chosen (nothing fails). */
    public static int statementsOf(Runnable work) {
        Plan counting = new Plan(Fault.DEADLOCK, Integer.MAX_VALUE, Integer.MAX_VALUE, 0,
                portalThreads(Thread.currentThread()), false);
        plan = counting;
        try {
            work.run();
        } finally {
            plan = null;
        }
        return counting.seen.get();
    }

    /** Back to the plain pool; how many faults were injected. */
    public static int disarm() {
        Plan armed = plan;
        plan = null;
        return armed == null ? 0 : armed.injected.get();
    }

    private static Connection connection(Connection real) {
        return (Connection) Proxy.newProxyInstance(FaultInjectingDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new ConnectionHandler(real));
    }

    /**
     * A connection that lost its session answers as the pool's does once it has evicted it: every call but its
     * closing fails with "Connection is closed" and no SQL state (HikariCP's closed connection), the rollback Spring
     * tries after a failed statement or commit included.
     */
    private static final class ConnectionHandler implements InvocationHandler {

        private static final Set<String> ON_A_CLOSED_ONE = Set.of("close", "isClosed", "abort", "unwrap",
                "isWrapperFor", "toString", "hashCode", "equals");

        private final Connection real;
        private volatile boolean lost;

        ConnectionHandler(Connection real) {
            this.real = real;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (lost && !ON_A_CLOSED_ONE.contains(method.getName())) {
                throw new SQLException("Connection is closed");
            }
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return FaultInjectingDataSource.invoke(real, method, args);
            }
            if (method.getName().equals("commit")) {
                Plan armed = plan;
                Fault fault = armed == null ? null : armed.next(true);
                // A server answers a commit it did not keep with an error, never as done.
                if (fault != null && fault != Fault.SILENT_ROLLBACK) {
                    fail(fault, this, true);
                }
            }
            Object result = FaultInjectingDataSource.invoke(real, method, args);
            if (result instanceof Statement statement) {
                Class<?> type = statement instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                        : statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class
                        : Statement.class;
                return Proxy.newProxyInstance(FaultInjectingDataSource.class.getClassLoader(), new Class<?>[] {type},
                        new StatementHandler(statement, this));
            }
            return result;
        }
    }

    private record StatementHandler(Statement real, ConnectionHandler connection) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (EXECUTES.contains(method.getName())) {
                Plan armed = plan;
                Fault fault = armed == null ? null : armed.next(false);
                if (fault == Fault.SILENT_ROLLBACK) {
                    connection.real.rollback();
                } else if (fault != null) {
                    fail(fault, connection, false);
                }
            }
            return FaultInjectingDataSource.invoke(real, method, args);
        }
    }

    /** What the server does, then what it answers; a lost session leaves the connection closed. */
    private static void fail(Fault fault, ConnectionHandler handler, boolean atCommit) throws SQLException {
        Connection connection = handler.real;
        switch (fault) {
            case DEADLOCK -> {
                connection.rollback();
                throw new SQLTransactionRollbackException(
                        "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
            }
            case LOCK_WAIT_TIMEOUT -> {
                throw new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205);
            }
            case NOT_PREPARED -> {
                connection.rollback();
                throw new SQLException("WSREP has not yet prepared node for application use", "08S01", 1047);
            }
            case CONNECTION_LOST -> {
                connection.rollback();
                handler.lost = true;
                throw new SQLNonTransientConnectionException("(injected) Connection reset", "08000");
            }
            case LOST_AFTER_COMMIT -> {
                if (atCommit) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                handler.lost = true;
                throw new SQLNonTransientConnectionException("(injected) Connection reset", "08000");
            }
            case SILENT_ROLLBACK -> connection.rollback();
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static final class Plan {
        final Fault fault;
        final int nth;
        final int every;
        final int times;
        final Predicate<Thread> threads;
        final boolean commitsOnly;
        final AtomicInteger seen = new AtomicInteger();
        final AtomicInteger injected = new AtomicInteger();

        Plan(Fault fault, int nth, int every, int times, Predicate<Thread> threads, boolean commitsOnly) {
            this.commitsOnly = commitsOnly;
            this.fault = fault;
            this.nth = nth;
            this.every = every;
            this.times = times;
            this.threads = threads;
        }

        /** The fault, if the current statement (or commit) is one to fail. */
        Fault next(boolean commit) {
            if ((commitsOnly && !commit) || !threads.test(Thread.currentThread())) {
                return null;
            }
            int count = seen.incrementAndGet();
            boolean due = count == nth || (count > nth && every != Integer.MAX_VALUE && (count - nth) % every == 0);
            if (!due) {
                return null;
            }
            if (injected.incrementAndGet() > times) {
                return null;
            }
            return fault;
        }
    }
}

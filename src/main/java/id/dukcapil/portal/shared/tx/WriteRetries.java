package id.dukcapil.portal.shared.tx;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one retry of every write path (decision 117): a unit of work the database rolled back is run again whole,
 * at most {@code portal.tx.tries} times, after a pause that doubles from try to try with full jitter, so that two
 * nodes' writers that collided do not collide again in step. After the last try it is refused honestly
 * ({@link DatabaseBusyException}); a commit whose outcome is unknown is never run again ({@link CommitUnknownException}).
 * A connection lost before the commit is tried again on a new one within the same tries, and the pool is told
 * ({@link ConnectionLosses}) so that it checks what it hands out next: a server that kills sessions (or a Galera node
 * whose sessions a load balancer cut) still serves new ones (decision 186). Whether the database is away is the
 * gate's to say, which refuses the next try's connection at once when it is (decision 138): no second lost connection
 * is read as an absent server. The unit of work must be its transaction's outermost call: nothing of a failed try is
 * left to be committed.
 */
@Component
public class WriteRetries {

    private static final Logger log = LoggerFactory.getLogger(WriteRetries.class);

    private final int tries;
    private final long firstPauseMillis;
    private final long maxPauseMillis;
    private final CommitPhase commitPhase;
    private final ObjectProvider<DataSource> dataSources;
    private volatile @Nullable ConnectionLosses losses;
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    @Autowired
    WriteRetries(@Value("${portal.tx.tries:5}") int tries,
                 @Value("${portal.tx.first-pause:PT0.01S}") Duration firstPause,
                 @Value("${portal.tx.max-pause:PT0.25S}") Duration maxPause,
                 CommitPhase commitPhase, ObjectProvider<DataSource> dataSources) {
        this.dataSources = dataSources;
        this.tries = Math.max(1, tries);
        this.firstPauseMillis = Math.max(1, firstPause.toMillis());
        this.maxPauseMillis = Math.max(firstPauseMillis, maxPause.toMillis());
        this.commitPhase = commitPhase;
    }

    /** Without a pool to tell of a lost connection (unit tests of the retry alone). */
    WriteRetries(int tries, Duration firstPause, Duration maxPause, CommitPhase commitPhase) {
        this(tries, firstPause, maxPause, commitPhase, new StaticListableBeanFactory().getBeanProvider(DataSource.class));
    }

    /** Runs the unit of work until it commits, or refuses it: see the class comment. */
    public <T> T run(Supplier<T> unitOfWork) {
        for (int attempt = 1; ; attempt++) {
            commitPhase.reset();
            try {
                return unitOfWork.get();
            } catch (RuntimeException failure) {
                TransientFailure kind = TransientFailure.of(failure);
                if (kind == TransientFailure.NONE && commitPhase.rollbackFailed()) {
                    kind = TransientFailure.CONNECTION_LOST;
                }
                if (kind == TransientFailure.NONE) {
                    throw failure;
                }
                if (kind == TransientFailure.CONNECTION_LOST) {
                    lostConnection();
                    if (commitPhase.commitFailed()) {
                        throw new CommitUnknownException(failure);
                    }
                }
                if (attempt >= tries) {
                    refused.incrementAndGet();
                    log.warn("A unit of work was rolled back on each of its {} tries; refused: {}", tries,
                            rootMessage(failure));
                    throw new DatabaseBusyException(tries, failure);
                }
                retried.incrementAndGet();
                log.debug("Try {} rolled back ({}); trying again", attempt, rootMessage(failure));
                pause(attempt);
            } finally {
                commitPhase.reset();
            }
        }
    }

    /**
     * A read outside any transaction (a request's checks, a bearer token's account) run again on a new connection when
     * its connection was lost, within the same tries, the pool told as for a unit of work (decision 186): a killed
     * session is not an absent server, and a read has nothing a second try could do twice. Any other failure, and a
     * loss on the last try, is thrown as it came; inside a transaction, whose connection is lost with it, at once.
     */
    public <T> T read(Supplier<T> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (RuntimeException failure) {
                if (TransientFailure.of(failure) != TransientFailure.CONNECTION_LOST) {
                    throw failure;
                }
                lostConnection();
                if (attempt >= tries || TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw failure;
                }
                retried.incrementAndGet();
                log.debug("A read lost its connection on try {}; reading again", attempt);
            }
        }
    }

    /** Tells the pool, if it listens, that a connection it handed out was lost. */
    private void lostConnection() {
        ConnectionLosses listener = losses;
        if (listener == null) {
            DataSource dataSource = dataSources.getIfAvailable();
            try {
                listener = dataSource != null && dataSource.isWrapperFor(ConnectionLosses.class)
                        ? dataSource.unwrap(ConnectionLosses.class) : () -> { };
            } catch (SQLException notWrapped) {
                listener = () -> { };
            }
            losses = listener;
        }
        listener.connectionLost();
    }

    /** Units of work run again since the start: the benchmark's and the tests' figure. */
    public long retried() {
        return retried.get();
    }

    /** Units of work refused after their last try since the start. */
    public long refused() {
        return refused.get();
    }

    private void pause(int attempt) {
        long ceiling = Math.min(maxPauseMillis, firstPauseMillis << Math.min(attempt - 1, 20));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DatabaseBusyException(attempt, interrupted);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}

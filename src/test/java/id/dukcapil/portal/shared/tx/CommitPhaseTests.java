package id.dukcapil.portal.shared.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.SimpleTransactionStatus;

/**
 * A rollback that fails meets the pool's closed connection, whose failure has no SQL state and takes the place of the
 * one that made Spring roll back (decision 167). The listener calls are Spring's, in its order.
 */
class CommitPhaseTests {

    private final CommitPhase phase = new CommitPhase();
    private final WriteRetries retries = new WriteRetries(5, Duration.ofMillis(1), Duration.ofMillis(1), phase);
    private final TransactionStatus transaction = new SimpleTransactionStatus(true);

    @Test
    void a_rollback_that_fails_after_a_failed_commit_leaves_the_commit_unknown_and_runs_nothing_again() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> retries.run(() -> {
            runs.incrementAndGet();
            phase.beforeCommit(transaction);
            // The commit's socket error, then Spring's rollback on commit failure on the evicted connection.
            throw rollbackFailed();
        })).isInstanceOf(CommitUnknownException.class);
        assertThat(runs).hasValue(1);
    }

    @Test
    void a_rollback_that_fails_before_the_commit_kept_nothing_and_the_work_runs_again() {
        AtomicInteger runs = new AtomicInteger();

        String done = retries.run(() -> {
            if (runs.incrementAndGet() == 1) {
                // A statement's socket error, then Spring's rollback on the evicted connection.
                throw rollbackFailed();
            }
            return "done";
        });

        assertThat(done).isEqualTo("done");
        assertThat(runs).hasValue(2);
    }

    /** Decision 186: a read outside a transaction whose connection was killed reads again on a new one. */
    @Test
    void a_read_that_lost_its_connection_reads_again_and_any_other_failure_is_thrown_at_once() {
        AtomicInteger reads = new AtomicInteger();

        String read = retries.read(() -> {
            if (reads.incrementAndGet() == 1) {
                throw new org.springframework.dao.DataAccessResourceFailureException("PreparedStatementCallback",
                        new java.sql.SQLNonTransientConnectionException("(conn=70) Socket error", "08000"));
            }
            return "read";
        });
        assertThat(read).isEqualTo("read");
        assertThat(reads).hasValue(2);

        AtomicInteger refusals = new AtomicInteger();
        assertThatThrownBy(() -> retries.read(() -> {
            refusals.incrementAndGet();
            throw new org.springframework.dao.DataIntegrityViolationException("a rule");
        })).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(refusals).as("a failure that is not a lost connection is not read again").hasValue(1);
    }

    private TransactionSystemException rollbackFailed() {
        TransactionSystemException failure = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        phase.afterRollback(transaction, failure);
        return failure;
    }
}

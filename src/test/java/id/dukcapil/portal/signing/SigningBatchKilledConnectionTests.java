package id.dukcapil.portal.signing;

import static id.dukcapil.portal.signing.SigningTestSupport.PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.shared.tx.RunningStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * A signing batch whose committing connection is killed from another session (decision 117): the group it was
 * committing is committed again on a new connection, and every card is signed exactly once, in seconds.
 */
@PortalTest
@WithUserDetails("kadis")
class SigningBatchKilledConnectionTests {

    @Autowired BatchSigning batches;
    @Autowired SigningQueue queue;
    @Autowired SigningTestSupport support;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_committers_connection_killed_mid_batch_costs_a_retry_not_a_card() throws Exception {
        List<Long> ids = IntStream.range(0, 6).mapToObj(i -> support.queueFamily()).toList();
        BatchRun run;
        long killedAt;
        try (Connection holder = Objects.requireNonNull(jdbc.getDataSource()).getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM signing_document WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, ids.get(3));
                lock.executeQuery().close();
            }
            run = batches.start(ids, PASSPHRASE.toCharArray());
            long committer = RunningStatements.await(jdbc, "%UPDATE signing_document SET state = 'SIGNED'%");
            jdbc.execute("KILL CONNECTION " + committer);
            killedAt = System.nanoTime();
            RunningStatements.await(jdbc, "%UPDATE signing_document SET state = 'SIGNED'%", committer);
            holder.rollback();
        }
        run.completion().get(10, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(10));
        assertThat(run.signed()).isEqualTo(ids.size());
        assertThat(run.failed()).isZero();
        assertThat(ids).allSatisfy(id -> {
            assertThat(queue.state(id)).contains(DocumentState.SIGNED);
            assertThat(support.signatureEntries(id)).isEqualTo(1);
            assertThat(support.storedPdfs(id)).isEqualTo(1);
        });
    }
}

package id.dukcapil.portal.signing;

import id.dukcapil.portal.signing.internal.SigningMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import static id.dukcapil.portal.signing.SigningTestSupport.PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.secret.NodeScope;
import id.dukcapil.portal.signing.internal.BatchLeases;
import id.dukcapil.portal.signing.internal.DocumentFinisher;
import id.dukcapil.portal.signing.internal.DocumentSources;
import id.dukcapil.portal.signing.internal.DocumentStore;
import id.dukcapil.portal.signing.internal.SigningProperties;
import id.dukcapil.portal.signing.internal.VerificationLinks;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A signing batch on two nodes of one external database (issue 40): two {@link BatchSigning}s, each its own runner,
 * against the suite's database. A batch running on one shows as running on the other, which resumes it only once
 * the first node's lease has run out.
 */
@PortalTest
@WithUserDetails("kadis")
class SigningBatchOnTwoNodesTests {

    static final Duration LEASE = Duration.ofSeconds(2);

    @Autowired DocumentStore documents;
    @Autowired DocumentSigner signer;
    @Autowired DocumentSources sources;
    @Autowired DocumentFinisher finisher;
    @Autowired AuditLog auditLog;
    @Autowired CurrentActor currentActor;
    @Autowired SigningProperties properties;
    @Autowired VerificationLinks links;
    @Autowired Clock clock;
    @Autowired TransactionTemplate transactions;
    @Autowired SigningQueue queue;
    @Autowired BatchLeases leases;
    @Autowired SigningTestSupport support;
    @Autowired JdbcTemplate jdbc;

    BatchSigning nodeA;
    BatchSigning nodeB;

    @BeforeEach
    void twoNodes() {
        nodeA = node();
        nodeB = node();
    }

    @AfterEach
    void stopThem() {
        nodeA.shutdown();
        nodeB.shutdown();
    }

    @Test
    void a_batch_running_on_one_node_shows_as_running_on_the_other_and_is_resumed_there_only_after_its_node_died()
            throws Exception {
        List<Long> ids = IntStream.range(0, 6).mapToObj(i -> support.queueFamily()).toList();
        // Node A started the batch and is signing: its lease is alive, renewed as A would.
        long batchId = documents.insertBatch("kadis", clock.instant(), ids, "node-a", LEASE);
        assertThat(leases.renew(batchId, "node-a", LEASE)).isTrue();

        assertThat(nodeB.runningElsewhere()).extracting(InterruptedBatch::id).contains(batchId);
        assertThat(nodeB.interrupted()).extracting(InterruptedBatch::id).doesNotContain(batchId);
        assertThatThrownBy(() -> nodeB.resume(batchId, PASSPHRASE.toCharArray()))
                .isInstanceOfSatisfying(RuleViolation.class, refused -> assertThat(refused.messageKeys())
                        .containsExactly("signing.batch.running-elsewhere"));
        assertThat(ids).allSatisfy(id -> assertThat(queue.state(id)).contains(DocumentState.QUEUED));

        // Node A dies: nobody renews. Once the lease has run out by the database's clock, B shows and resumes it.
        awaitLeaseRunOut(batchId);
        assertThat(nodeB.runningElsewhere()).extracting(InterruptedBatch::id).doesNotContain(batchId);
        assertThat(nodeB.interrupted()).extracting(InterruptedBatch::id).contains(batchId);
        BatchRun resumed = nodeB.resume(batchId, PASSPHRASE.toCharArray());
        resumed.completion().get(60, TimeUnit.SECONDS);

        assertThat(resumed.signed()).isEqualTo(ids.size());
        assertThat(ids).allSatisfy(id -> assertThat(support.signatureEntries(id)).isEqualTo(1));
        assertThat(leases.renew(batchId, "node-a", LEASE)).as("A, back from a long pause, has lost the batch")
                .isFalse();
        assertThat(jdbc.queryForMap("SELECT runner, lease_until, finished_at FROM signing_batch WHERE id = ?", batchId))
                .containsEntry("runner", null).containsEntry("lease_until", null)
                .extractingByKey("finished_at").isNotNull();
    }

    @Test
    void a_node_keeps_its_running_batch_by_renewing_its_lease_while_it_signs() throws Exception {
        List<Long> ids = IntStream.range(0, 4).mapToObj(i -> support.queueFamily()).toList();
        CountDownLatch holdOn = new CountDownLatch(1);
        // The batch stays running on A well past one lease: its first commit waits here.
        support.afterSignatures(ids, 1, () -> await(holdOn));
        BatchRun onA = nodeA.start(ids, PASSPHRASE.toCharArray());
        try {
            // Past the end of the lease A held when first asked, by the database's clock: only a renewal keeps it.
            Timestamp firstLease = jdbc.queryForObject("SELECT lease_until FROM signing_batch WHERE id = ?",
                    Timestamp.class, onA.batchId());
            assertThat(firstLease).isNotNull();
            awaitDatabaseTimePast(firstLease);

            assertThat(onA.finished()).isFalse();
            assertThat(nodeB.runningElsewhere()).extracting(InterruptedBatch::id).contains(onA.batchId());
            assertThatThrownBy(() -> nodeB.resume(onA.batchId(), PASSPHRASE.toCharArray()))
                    .isInstanceOf(RuleViolation.class);
        } finally {
            holdOn.countDown();
        }
        onA.completion().get(60, TimeUnit.SECONDS);

        assertThat(onA.signed()).isEqualTo(ids.size());
        assertThat(nodeB.runningElsewhere()).extracting(InterruptedBatch::id).doesNotContain(onA.batchId());
        assertThat(nodeB.interrupted()).extracting(InterruptedBatch::id).doesNotContain(onA.batchId());
    }

    @Test
    void a_batch_stopped_on_one_node_is_resumable_on_the_other_at_once() throws Exception {
        List<Long> ids = IntStream.range(0, 20).mapToObj(i -> support.queueFamily()).toList();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<BatchRun> running = new AtomicReference<>();
        // The head stops the batch on A after its second signature.
        support.afterSignatures(ids, 2, () -> {
            await(started);
            running.get().stop();
        });
        BatchRun onA = nodeA.start(ids, PASSPHRASE.toCharArray());
        running.set(onA);
        started.countDown();
        onA.completion().get(60, TimeUnit.SECONDS);
        assertThat(onA.signed()).isLessThan(ids.size());

        assertThat(nodeB.interrupted()).extracting(InterruptedBatch::id).contains(onA.batchId());
        BatchRun onB = nodeB.resume(onA.batchId(), PASSPHRASE.toCharArray());
        onB.completion().get(60, TimeUnit.SECONDS);

        assertThat(onA.signed() + onB.signed()).isEqualTo(ids.size());
        assertThat(ids).allSatisfy(id -> assertThat(support.signatureEntries(id)).isEqualTo(1));
    }

    private void awaitLeaseRunOut(long batchId) throws InterruptedException {
        Instant deadline = Instant.now().plus(LEASE.multipliedBy(5));
        while (Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT lease_until >= UTC_TIMESTAMP(3) FROM signing_batch WHERE id = ?", Boolean.class, batchId))) {
            assertThat(Instant.now()).as("the lease runs out").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private void awaitDatabaseTimePast(Timestamp moment) throws InterruptedException {
        Instant deadline = Instant.now().plus(LEASE.multipliedBy(5));
        while (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT UTC_TIMESTAMP(3) > ?", Boolean.class, moment))) {
            assertThat(Instant.now()).as("the database's clock passes the lease").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private BatchSigning node() {
        SigningProperties shortLease = new SigningProperties(properties.storageKey(),
                properties.workers(), properties.demoPassphrase(), properties.issuePlace(), LEASE);
        return new BatchSigning(documents, signer, sources, finisher, auditLog, currentActor, shortLease,
                links, clock, transactions, queue, leases, NodeScope.EXTERNAL_DATABASE,
                new SigningMeters(new SimpleMeterRegistry()));
    }
}

package id.dukcapil.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.Benchmark;
import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.audit.internal.AuditAppender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log's figures (issue 2): appends per second under 16 concurrent writers with the chain intact, and
 * the verification of 1,000,000 entries; each next to what MariaDB does without the chain in the same run.
 */
@Benchmark
@PortalTest
@WithUserDetails("admin")
class AuditBenchmark {

    private static final int WRITERS = 16;
    private static final int APPENDS_PER_WRITER = 1_000;
    private static final int CHAIN_LENGTH = 1_000_000;

    @Autowired AuditLog auditLog;
    @Autowired AuditAppender appender;
    @Autowired AuditChainVerifier verifier;
    @Autowired AuditTestSupport support;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    @BeforeEach
    void an_empty_chain() {
        support.emptyTheChain();
        jdbc.execute("CREATE TABLE IF NOT EXISTS bench_plain_insert (id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                + "occurred_at DATETIME(3), action VARCHAR(60), subject_id VARCHAR(60), detail VARCHAR(500))");
        jdbc.execute("TRUNCATE TABLE bench_plain_insert");
    }

    @Test
    void appends_under_sixteen_concurrent_writers() throws Exception {
        double baseline = perSecond(() -> transactions.executeWithoutResult(status -> jdbc.update(
                "INSERT INTO bench_plain_insert (occurred_at, action, subject_id, detail) VALUES (NOW(3), ?, ?, ?)",
                "bench.plain", "S-1", "a plain insert, one per transaction")));
        double chained = perSecond(() -> transactions.executeWithoutResult(status -> auditLog.record(
                AuditRecord.success("bench.append", "Thing", "S-1").withDetail("one audited action per transaction"))));
        ChainVerification check = verifier.verify();

        System.out.printf("BENCHMARK audit-append writers=%d entries=%d chained=%.0f/s plain-insert=%.0f/s "
                        + "ratio=%.0f%% chain-intact=%s%n", WRITERS, WRITERS * APPENDS_PER_WRITER, chained, baseline,
                100 * chained / baseline, check.intact());
        assertThat(check.intact()).isTrue();
        assertThat(check.entriesChecked()).isEqualTo(WRITERS * APPENDS_PER_WRITER + 0L);
        assertThat(chained).as("audit appends per second").isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void verifies_a_million_entries() {
        long loadStarted = System.nanoTime();
        Instant at = Instant.now();
        for (int batch = 0; batch < CHAIN_LENGTH / 1_000; batch++) {
            List<AuditAppender.Pending> entries = new ArrayList<>(1_000);
            for (int i = 0; i < 1_000; i++) {
                entries.add(new AuditAppender.Pending(at, new Actor(Actor.Type.STAFF, "operator", "Budi Santoso",
                        Set.of("OPERATOR"), "DINAS"), AuditRecord.success("bench.bulk", "KkPrintRequest",
                        "KK-" + batch + "-" + i).withDetail("bulk entry for the verification benchmark")));
            }
            appender.appendInNewTransaction(entries);
        }
        long loadMillis = (System.nanoTime() - loadStarted) / 1_000_000;

        long scanStarted = System.nanoTime();
        AtomicLong scanned = new AtomicLong();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT * FROM audit_entry ORDER BY seq");
            statement.setFetchSize(1_000);
            return statement;
        }, rs -> {
            scanned.incrementAndGet();
        });
        long scanMillis = (System.nanoTime() - scanStarted) / 1_000_000;

        ChainVerification result = verifier.verify();
        System.out.printf("BENCHMARK audit-verify entries=%d verify=%d ms plain-ordered-scan=%d ms intact=%s "
                + "(load of the entries: %d ms)%n", result.entriesChecked(), result.millis(), scanMillis,
                result.intact(), loadMillis);
        assertThat(scanned.get()).isEqualTo(CHAIN_LENGTH);
        assertThat(result.intact()).isTrue();
        assertThat(result.millis()).as("verification of 1,000,000 entries, ms").isLessThanOrEqualTo(30_000);
    }

    private double perSecond(Runnable oneTransaction) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            long started = System.nanoTime();
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                        oneTransaction.run();
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            return WRITERS * APPENDS_PER_WRITER / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdown();
        }
    }
}

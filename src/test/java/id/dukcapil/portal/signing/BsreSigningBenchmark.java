package id.dukcapil.portal.signing;

import id.dukcapil.portal.signing.internal.SigningMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import id.dukcapil.portal.Benchmark;
import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.outside.OutsideSystems;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.shared.secret.NodeScope;
import id.dukcapil.portal.shared.throttle.Throttles;
import id.dukcapil.portal.signing.bsre.BsrePeer;
import id.dukcapil.portal.signing.internal.BatchLeases;
import id.dukcapil.portal.signing.internal.BsreSigner;
import id.dukcapil.portal.signing.internal.SigningCertificateRepository;
import id.dukcapil.portal.signing.internal.DocumentFinisher;
import id.dukcapil.portal.signing.internal.DocumentSources;
import id.dukcapil.portal.signing.internal.DocumentStore;
import id.dukcapil.portal.signing.internal.RemoteAttempts;
import id.dukcapil.portal.signing.internal.SignatureInspector;
import id.dukcapil.portal.signing.internal.SigningProperties;
import id.dukcapil.portal.signing.internal.VerificationLinks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 39's figure: a batch of 200 family cards signed through the local BSrE peer answering each call after
 * 0.9 s, with bounded parallel calls, beside the same batch's documents one at a time (measured on a sample in the
 * same run) and beside 200 × 0.9 s; and the portal's CPU per document.
 */
@Benchmark
@PortalTest
@WithUserDetails("kadis")
class BsreSigningBenchmark {

    private static final int DOCUMENTS = 200;
    private static final int SEQUENTIAL_SAMPLE = 20;
    private static final Duration LATENCY = Duration.ofMillis(900);

    @Autowired OutsideSystems outside;
    @Autowired DocumentStore documents;
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
    @Autowired NodeScope nodeScope;
    @Autowired SignatureInspector inspector;
    @Autowired Throttles throttles;
    @Autowired RemoteAttempts attempts;
    @Autowired SigningCertificateRepository certificates;
    @Autowired SigningTestSupport support;

    @TempDir Path folder;

    @Test
    void two_hundred_family_cards_signed_through_bsre_with_bounded_parallel_calls() throws Exception {
        try (BsrePeer peer = new BsrePeer(folder)) {
            int parallel = 8;
            // Warm-up: the JIT, the fonts, the TLS session, without latency.
            run(peer, parallel, 40);

            peer.latency(LATENCY);
            long sequentialStarted = System.nanoTime();
            assertThat(run(peer, 1, SEQUENTIAL_SAMPLE).signed()).isEqualTo(SEQUENTIAL_SAMPLE);
            double sequentialPerDocument = seconds(sequentialStarted) / SEQUENTIAL_SAMPLE;

            List<Long> ids = queued(DOCUMENTS);
            long cpuBefore = processCpuNanos();
            Duration peerCpuBefore = peer.cpu();
            long started = System.nanoTime();
            BatchRun batch = batch(peer, parallel).start(ids, BsrePeer.PASSPHRASE.toCharArray());
            batch.completion().get(10, TimeUnit.MINUTES);
            double wall = seconds(started);
            double portalCpuMs = (processCpuNanos() - cpuBefore - peer.cpu().minus(peerCpuBefore).toNanos())
                    / 1e6 / DOCUMENTS;

            double nominal = DOCUMENTS * LATENCY.toMillis() / 1000.0;
            double measuredSequential = DOCUMENTS * sequentialPerDocument;
            System.out.printf("BENCHMARK bsre-batch documents=%d latency=%d ms parallel-calls=%d wall=%.1f s "
                            + "sequential(200 x 0.9 s)=%.0f s ratio=%.2f measured-sequential=%.2f s/doc (x200 = %.0f s) "
                            + "ratio=%.2f portal-cpu-per-document=%.1f ms signed=%d failed=%d%n",
                    DOCUMENTS, LATENCY.toMillis(), parallel, wall, nominal, wall / nominal, sequentialPerDocument,
                    measuredSequential, wall / measuredSequential, portalCpuMs, batch.signed(), batch.failed());
            assertThat(batch.signed()).isEqualTo(DOCUMENTS);
            assertThat(wall / nominal).isLessThanOrEqualTo(0.3);
        }
    }

    private BatchRun run(BsrePeer peer, int parallel, int count) throws Exception {
        BatchRun run = batch(peer, parallel).start(queued(count), BsrePeer.PASSPHRASE.toCharArray());
        run.completion().get(10, TimeUnit.MINUTES);
        return run;
    }

    private List<Long> queued(int count) {
        return IntStream.range(0, count).mapToObj(i -> support.queueFamily()).toList();
    }

    private BatchSigning batch(BsrePeer peer, int parallel) {
        BsreSigner signer = new BsreSigner(BsreSigningTests.properties(peer, Duration.ofSeconds(60), BsrePeer.NIK,
                parallel), properties, inspector, attempts, certificates, auditLog, throttles, clock, outside);
        return new BatchSigning(documents, signer, sources, finisher, auditLog, currentActor, properties,
                links, clock,
                transactions, queue, leases, nodeScope,
                new SigningMeters(new SimpleMeterRegistry()));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}

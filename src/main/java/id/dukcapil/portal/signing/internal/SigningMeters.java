package id.dukcapil.portal.signing.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Signing batches started and ended on this node, and their documents by result (decision 178): a HEAD's batch that
 * fails its documents (BSrE away, a certificate gone) shows before anyone calls. Prometheus adds up the nodes; started
 * less ended is what runs now.
 */
@Component
public class SigningMeters {

    private final Counter started;
    private final Counter ended;
    private final Counter signed;
    private final Counter failed;
    private final Counter skipped;

    public SigningMeters(MeterRegistry registry) {
        this.started = batches(registry, "started");
        this.ended = batches(registry, "ended");
        this.signed = documents(registry, "signed");
        this.failed = documents(registry, "failed");
        this.skipped = documents(registry, "skipped");
    }

    private static Counter batches(MeterRegistry registry, String event) {
        return Counter.builder("portal.signing.batches").description("Signing batches started or resumed, and ended")
                .tag("event", event).register(registry);
    }

    private static Counter documents(MeterRegistry registry, String result) {
        return Counter.builder("portal.signing.documents").description("Documents of signing batches, by result")
                .tag("result", result).register(registry);
    }

    /** A batch started or resumed on this node. */
    public void started() {
        started.increment();
    }

    /** A batch ended here, by finishing or by being stopped, with how many of its documents took each result. */
    public void ended(int signedDocuments, int failedDocuments, int skippedDocuments) {
        ended.increment();
        signed.increment(signedDocuments);
        failed.increment(failedDocuments);
        skipped.increment(skippedDocuments);
    }
}

package id.dukcapil.portal.signing.internal;

import id.dukcapil.portal.outside.OutsideSystem;
import id.dukcapil.portal.outside.WaitingWork;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The documents waiting for the Kepala Dinas's signature, for BSrE's banner while it is away (decision 198): they stay
 * QUEUED whatever a batch met, and are signed once by the next batch.
 */
@Component
class SigningWaiting implements WaitingWork {

    private final DocumentStore documents;
    private final Clock clock;

    SigningWaiting(DocumentStore documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    public Map<OutsideSystem, Long> waiting() {
        return Map.of(OutsideSystem.BSRE, (long) documents.queueCounts(clock.instant())[0]);
    }
}

package id.dukcapil.portal.kkprint;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A request as an inbox row shows it, with its live clock: the time in its current step against the standard.
 *
 * @param holder the username of the operator who claimed it, if anyone did
 */
public record InboxRow(long id, String trackingNumber, String requesterName, String kkNumber, KkPrintReason reason,
                       RequestState state, @Nullable String holder, @Nullable String holderName,
                       Instant stepStartedAt, Instant stepDueAt, Instant submittedAt) {

    public Duration standard() {
        return Duration.between(stepStartedAt, stepDueAt);
    }

    public Duration inStep(Instant now) {
        return Duration.between(stepStartedAt, now);
    }

    public boolean overdue(Instant now) {
        return now.isAfter(stepDueAt);
    }
}

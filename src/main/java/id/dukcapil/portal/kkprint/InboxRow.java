package id.dukcapil.portal.kkprint;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A request as an inbox row shows it, with its live clock: the time in its current step against the standard, or, not
 * taken yet, how long it has waited in the inbox (no standard: step 6 starts when an operator takes it).
 *
 * @param holder    the username of the operator who claimed it, if anyone did
 * @param stepDueAt when its step's standard runs out; {@code null} while it waits to be taken
 */
public record InboxRow(long id, String trackingNumber, String requesterName, String kkNumber, KkPrintReason reason,
                       RequestState state, @Nullable String holder, @Nullable String holderName,
                       Instant stepStartedAt, @Nullable Instant stepDueAt, Instant submittedAt) {

    /** Waiting in the inbox for an operator to take it: its step's clock has not started. */
    public boolean waiting() {
        return stepDueAt == null;
    }

    public @Nullable Duration standard() {
        return stepDueAt == null ? null : Duration.between(stepStartedAt, stepDueAt);
    }

    public Duration inStep(Instant now) {
        return Duration.between(stepStartedAt, now);
    }

    public boolean overdue(Instant now) {
        return stepDueAt != null && now.isAfter(stepDueAt);
    }
}

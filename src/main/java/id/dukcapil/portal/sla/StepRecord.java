package id.dukcapil.portal.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One step a case went through, or is in.
 *
 * @param standard         the standard in force on the day the step started
 * @param abandonedReason  why it ended without its output (the day closed on it, a failure, a referral): it took no
 *                         countable time and no report counts it as done
 */
public record StepRecord(long id, CaseRef caseRef, SopStep step, Instant startedAt, String startedBy,
                         @Nullable String servicePoint, Duration standard, @Nullable Instant endedAt,
                         @Nullable String endedBy, @Nullable String abandonedReason) {

    public boolean open() {
        return endedAt == null;
    }

    /** Ended without its output: see {@link StepClock#abandon}. */
    public boolean abandoned() {
        return abandonedReason != null;
    }

    /** How long it took, or has taken until {@code now} if still open. */
    public Duration elapsed(Instant now) {
        return Duration.between(startedAt, endedAt != null ? endedAt : now);
    }

    public boolean overStandard(Instant now) {
        return elapsed(now).compareTo(standard) > 0;
    }

    public Optional<Duration> duration() {
        return Optional.ofNullable(endedAt).map(end -> Duration.between(startedAt, end));
    }
}

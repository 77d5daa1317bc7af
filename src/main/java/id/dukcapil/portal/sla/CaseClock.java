package id.dukcapil.portal.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where an open case stands now: its current step(s) against their standard, and the whole case against the
 * procedure's total standard.
 *
 * @param current       the steps not yet left (usually one)
 * @param startedAt     when its first step started
 * @param totalStandard the procedure's total standard in force on the day the case started
 */
public record CaseClock(CaseRef caseRef, List<StepRecord> current, Instant startedAt, Instant now,
                        Duration totalStandard) {

    public Duration totalElapsed() {
        return Duration.between(startedAt, now);
    }

    public boolean totalOverStandard() {
        return totalElapsed().compareTo(totalStandard) > 0;
    }
}

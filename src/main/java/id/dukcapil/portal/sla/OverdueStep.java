package id.dukcapil.portal.sla;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * An open step past its standard now, with its case's total so far.
 *
 * @param heldBy the officer who took the step since it started (a KK request claimed), if anyone did
 */
public record OverdueStep(StepRecord step, Duration elapsed, Duration over, Duration caseElapsed,
                          @Nullable String heldBy) {

    /** Who has the step now: who took it, else who started it. */
    public String holder() {
        return heldBy != null ? heldBy : step.startedBy();
    }
}

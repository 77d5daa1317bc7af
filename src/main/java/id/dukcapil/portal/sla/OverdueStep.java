package id.dukcapil.portal.sla;

import java.time.Duration;

/** An open step past its standard now, with its case's total so far. */
public record OverdueStep(StepRecord step, Duration elapsed, Duration over, Duration caseElapsed) {
}

package id.dukcapil.portal.sla;

import java.time.Duration;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One row of a step-clock report: the group (the dimensions not grouped by are null) and its figures. Median and
 * 90th percentile interpolate linearly between the two nearest durations (as SQL's PERCENTILE_CONT).
 *
 * @param withinStandard the share of steps that took no longer than their standard, 0..1
 */
public record StepStatistics(@Nullable Procedure procedure, @Nullable SopStep step, @Nullable String officer,
                             @Nullable String servicePoint, @Nullable LocalDate day, long count, Duration median,
                             Duration percentile90, double withinStandard) {
}

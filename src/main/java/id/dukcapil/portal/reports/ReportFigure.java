package id.dukcapil.portal.reports;

import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import java.time.Duration;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one group: the fields it is not broken down by are null. Median and 90th percentile are exact
 * (linear interpolation between the nearest durations, as SQL's PERCENTILE_CONT).
 *
 * @param period the day, or the Monday of the week
 * @param excused the breaches excused by a reason the SOP accepts (a technical failure): counted apart
 */
public record ReportFigure(@Nullable Procedure procedure, @Nullable SopStep step, @Nullable String servicePoint,
                           @Nullable String officer, @Nullable LocalDate period, long count, long withinStandard,
                           long excused, Duration median, Duration percentile90) {

    /** The share of steps that took no longer than their standard, 0..1. */
    public double share() {
        return count == 0 ? 0 : (double) withinStandard / count;
    }

    /** The steps over their standard. */
    public long breaches() {
        return count - withinStandard;
    }
}

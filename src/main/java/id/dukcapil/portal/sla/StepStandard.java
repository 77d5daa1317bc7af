package id.dukcapil.portal.sla;

import java.time.Duration;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A standard time, valid from a day on (until a later one for the same step takes over).
 *
 * @param step the step, or null for the procedure's total
 * @param version the row's version as read: a replacement of that day's standard on an older one is refused
 */
public record StepStandard(Procedure procedure, @Nullable SopStep step, Duration standard, LocalDate validFrom,
                           String changedBy, long version) {
}

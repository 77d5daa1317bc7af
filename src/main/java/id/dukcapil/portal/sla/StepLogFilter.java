package id.dukcapil.portal.sla;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Which ended steps to read: those that started from {@code from} to {@code to} (office-local days, inclusive),
 * optionally of one procedure, step, service point or officer, or only those over their standard.
 */
public record StepLogFilter(LocalDate from, LocalDate to, @Nullable Procedure procedure, @Nullable SopStep step,
                            @Nullable String servicePoint, @Nullable String officer, boolean overStandardOnly) {

    public static StepLogFilter between(LocalDate from, LocalDate to) {
        return new StepLogFilter(from, to, null, null, null, null, false);
    }

    public StepLogFilter withProcedure(@Nullable Procedure procedure) {
        return new StepLogFilter(from, to, procedure, step, servicePoint, officer, overStandardOnly);
    }

    public StepLogFilter withStep(@Nullable SopStep step) {
        return new StepLogFilter(from, to, step != null ? step.procedure() : procedure, step, servicePoint, officer,
                overStandardOnly);
    }

    public StepLogFilter withServicePoint(@Nullable String servicePoint) {
        return new StepLogFilter(from, to, procedure, step, servicePoint, officer, overStandardOnly);
    }

    public StepLogFilter withOfficer(@Nullable String officer) {
        return new StepLogFilter(from, to, procedure, step, servicePoint, officer, overStandardOnly);
    }

    public StepLogFilter withOverStandardOnly(boolean overStandardOnly) {
        return new StepLogFilter(from, to, procedure, step, servicePoint, officer, overStandardOnly);
    }
}

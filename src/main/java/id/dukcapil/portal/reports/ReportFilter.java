package id.dukcapil.portal.reports;

import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.StepLogFilter;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The steps a report covers: started from {@code from} to {@code to} (inclusive), optionally narrowed. */
public record ReportFilter(LocalDate from, LocalDate to, @Nullable Procedure procedure, @Nullable String servicePoint,
                           @Nullable String officer) {

    /** A report covers at most this many days (a year and a bit): the longest period a manager compares. */
    public static final int MAX_DAYS = 400;

    public static ReportFilter between(LocalDate from, LocalDate to) {
        return new ReportFilter(from, to, null, null, null);
    }

    public ReportFilter withProcedure(@Nullable Procedure procedure) {
        return new ReportFilter(from, to, procedure, servicePoint, officer);
    }

    public ReportFilter withServicePoint(@Nullable String servicePoint) {
        return new ReportFilter(from, to, procedure, servicePoint, officer);
    }

    public ReportFilter withOfficer(@Nullable String officer) {
        return new ReportFilter(from, to, procedure, servicePoint, officer);
    }

    /** The raw steps behind the same figures. */
    public StepLogFilter steps() {
        return StepLogFilter.between(from, to).withProcedure(procedure).withServicePoint(servicePoint)
                .withOfficer(officer);
    }
}

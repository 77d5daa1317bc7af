package id.dukcapil.portal.sla;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A report over the steps that started from {@code from} to {@code to} (office-local days, inclusive) and have
 * ended, grouped by {@code groupBy} (STEP implies PROCEDURE), optionally narrowed to one procedure, service point
 * or officer.
 */
public record StepReportQuery(LocalDate from, LocalDate to, Set<ReportDimension> groupBy,
                              @Nullable Procedure procedure, @Nullable String servicePoint, @Nullable String officer) {

    public StepReportQuery {
        groupBy = groupBy.isEmpty() ? EnumSet.noneOf(ReportDimension.class) : EnumSet.copyOf(groupBy);
        if (groupBy.contains(ReportDimension.STEP)) {
            groupBy.add(ReportDimension.PROCEDURE);
        }
        groupBy = Set.copyOf(groupBy);
    }

    public static StepReportQuery between(LocalDate from, LocalDate to, ReportDimension... groupBy) {
        return new StepReportQuery(from, to, Set.of(groupBy), null, null, null);
    }

    public StepReportQuery withProcedure(@Nullable Procedure procedure) {
        return new StepReportQuery(from, to, groupBy, procedure, servicePoint, officer);
    }

    public StepReportQuery withServicePoint(@Nullable String servicePoint) {
        return new StepReportQuery(from, to, groupBy, procedure, servicePoint, officer);
    }

    public StepReportQuery withOfficer(@Nullable String officer) {
        return new StepReportQuery(from, to, groupBy, procedure, servicePoint, officer);
    }
}

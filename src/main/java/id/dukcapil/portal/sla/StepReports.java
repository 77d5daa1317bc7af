package id.dukcapil.portal.sla;

import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.sla.internal.StepReportQueries;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures the SLA reports are made of: per procedure, step, officer, service point and day, how many steps,
 * their median and 90th-percentile duration, and the share within the standard.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.MANAGER + "', '" + Roles.ADMIN + "', '" + Roles.HEAD + "')")
public class StepReports {

    private final StepReportQueries queries;

    StepReports(StepReportQueries queries) {
        this.queries = queries;
    }

    /** Groups in the order of their dimensions (procedure, step in SOP order, officer, service point, day). */
    @Transactional(readOnly = true)
    public List<StepStatistics> report(StepReportQuery query) {
        return queries.report(query);
    }
}

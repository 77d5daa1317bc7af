package id.dukcapil.portal.sla;

import id.dukcapil.portal.shared.jdbc.Slices;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.sla.internal.StepLogQueries;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.Consumer;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ended steps one by one, for what the aggregated figures cannot show: the cases behind a figure, the raw
 * rows of an Excel export (streamed, never held in memory), and which days a late step changed.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.MANAGER + "', '" + Roles.ADMIN + "', '" + Roles.HEAD + "')")
public class StepLog {

    private final StepLogQueries queries;

    StepLog(StepLogQueries queries) {
        this.queries = queries;
    }

    /** Every matching step, in day and start order, handed over one at a time from a streamed result. */
    @Transactional(readOnly = true)
    public long forEach(StepLogFilter filter, Consumer<EndedStep> action) {
        return queries.forEach(filter, action);
    }

    /** A page of matching steps in the order the grid asks (case, start, officer, duration), else longest first. */
    @Transactional(readOnly = true)
    public Slice<EndedStep> page(StepLogFilter filter, Pageable page) {
        List<EndedStep> rows = queries.page(filter, page.getSort(), page.getOffset(), page.getPageSize() + 1);
        return Slices.of(rows, page);
    }

    /** The days (of their start) of the steps that ended at or after {@code since}. */
    @Transactional(readOnly = true)
    public SortedSet<LocalDate> daysOfStepsEndedSince(Instant since) {
        return queries.daysEndedSince(since);
    }

    /** Per day, how many steps have ended: a cheap check that a summary of those days is complete. */
    @Transactional(readOnly = true)
    public Map<LocalDate, Long> endedPerDay(LocalDate from, LocalDate to) {
        return queries.endedPerDay(from, to);
    }
}

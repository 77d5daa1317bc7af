package id.dukcapil.portal.sla;

import id.dukcapil.portal.shared.jdbc.Slices;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.sla.internal.StepStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** MANAGER's live view across all modules: the steps now over their standard, longest over first. */
@Service
@PreAuthorize("hasAnyRole('" + Roles.MANAGER + "', '" + Roles.ADMIN + "', '" + Roles.HEAD + "')")
public class SlaMonitor {

    private final StepStore steps;
    private final Clock clock;

    SlaMonitor(StepStore steps, Clock clock) {
        this.steps = steps;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Slice<OverdueStep> overdue(@Nullable Procedure procedure, Pageable page) {
        Instant now = clock.instant();
        List<OverdueStep> rows = steps.overdue(now, procedure, page.getSort(), page.getOffset(), page.getPageSize() + 1).stream()
                .map(row -> {
                    Duration elapsed = row.step().elapsed(now);
                    return new OverdueStep(row.step(), elapsed, elapsed.minus(row.step().standard()),
                            Duration.between(row.caseStartedAt(), now), row.heldBy());
                })
                .toList();
        return Slices.of(rows, page);
    }
}

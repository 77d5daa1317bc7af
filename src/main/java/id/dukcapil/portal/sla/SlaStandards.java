package id.dukcapil.portal.sla;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.sla.internal.StandardStore;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The standard times: SOP.md's as the initial configuration; ADMIN changes one from a day on. A change never
 * rewrites history: every step keeps the standard in force on the day it started.
 */
@Service
public class SlaStandards {

    /** A standard between one minute and one week. */
    public static final Duration MIN_STANDARD = Duration.ofMinutes(1);
    public static final Duration MAX_STANDARD = Duration.ofDays(7);

    private final StandardStore store;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final Clock clock;

    SlaStandards(StandardStore store, AuditLog auditLog, CurrentActor currentActor, Clock clock) {
        this.store = store;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** Every step's and procedure's standard in force today, in SOP order (a procedure's total last). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('" + Roles.MANAGER + "', '" + Roles.ADMIN + "', '" + Roles.HEAD + "')")
    public List<StepStandard> inForceToday() {
        return inForceOn(LocalDate.now(clock));
    }

    /** The standards that applied on a day: a report of a past day measures it against its own day's standards. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('" + Roles.MANAGER + "', '" + Roles.ADMIN + "', '" + Roles.HEAD + "')")
    public List<StepStandard> inForceOn(LocalDate day) {
        return sorted(store.allInForce(day));
    }

    /** Changes already decided that apply from a later day. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('" + Roles.MANAGER + "', '" + Roles.ADMIN + "', '" + Roles.HEAD + "')")
    public List<StepStandard> scheduled() {
        return store.scheduledAfter(LocalDate.now(clock));
    }

    /**
     * From {@code validFrom} on, steps that start get the new standard ({@code step} null: the procedure's total).
     * Refused for a day in the past ({@code sla.standard.in-the-past}) or a time out of range
     * ({@code sla.standard.out-of-range}).
     */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public void change(Procedure procedure, @Nullable SopStep step, Duration standard, LocalDate validFrom) {
        if (step != null && step.procedure() != procedure) {
            throw new RuleViolation("sla.step.wrong-procedure", step.name(), procedure.name());
        }
        if (validFrom.isBefore(LocalDate.now(clock))) {
            throw new RuleViolation("sla.standard.in-the-past", validFrom);
        }
        if (standard.compareTo(MIN_STANDARD) < 0 || standard.compareTo(MAX_STANDARD) > 0) {
            throw new RuleViolation("sla.standard.out-of-range");
        }
        String previous = store.inForce(procedure, step, validFrom).map(Duration::toString).orElse("-");
        store.save(procedure, step, standard, validFrom, currentActor.id(), clock.instant());
        String subject = procedure.name() + "/" + (step == null ? "TOTAL" : step.name());
        auditLog.record(AuditRecord.success("sla.standard.changed", "SlaStandard", subject)
                .withDetail(previous + " → " + standard + " from " + validFrom));
    }

    static List<StepStandard> sorted(List<StepStandard> standards) {
        return standards.stream()
                .sorted(Comparator.comparing(StepStandard::procedure)
                        .thenComparing(standard -> standard.step() == null ? Integer.MAX_VALUE : standard.step().ordinal()))
                .toList();
    }
}

package id.dukcapil.portal.sla;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.sla.internal.StandardEntity;
import id.dukcapil.portal.sla.internal.StandardRepository;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The standard times: SOP.md's as the initial configuration; ADMIN changes one from a day on. A change never
 * rewrites history: every step keeps the standard in force on the day it started.
 */
@Service
@Validated
public class SlaStandards {

    /** A standard between one minute and one week. */
    public static final Duration MIN_STANDARD = Duration.ofMinutes(StandardChange.MIN_MINUTES);
    public static final Duration MAX_STANDARD = Duration.ofMinutes(StandardChange.MAX_MINUTES);

    private final StandardRepository store;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final Clock clock;

    SlaStandards(StandardRepository store, AuditLog auditLog, CurrentActor currentActor, Clock clock) {
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
        return sorted(store.allInForce(day).stream().map(StandardEntity::toRecord).toList());
    }

    /** Changes already decided that apply from a later day. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('" + Roles.MANAGER + "', '" + Roles.ADMIN + "', '" + Roles.HEAD + "')")
    public List<StepStandard> scheduled() {
        return store.findByValidFromAfterOrderByValidFromAscProcedureAscStepAsc(LocalDate.now(clock)).stream()
                .map(StandardEntity::toRecord).toList();
    }

    /**
     * From {@code validFrom} on, steps that start get the new standard ({@code step} null: the procedure's total).
     * A day that has a standard already gets it replaced only if the caller saw that standard ({@code seenVersion}
     * its version as read; null: the caller saw none for that day). Refused for a day in the past
     * ({@code sla.standard.in-the-past}), a time out of range ({@code sla.standard.out-of-range}) or a day's
     * standard another admin set or changed since it was read ({@code sla.standard.changed-meanwhile}).
     */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public void change(Procedure procedure, @Nullable SopStep step, @Valid StandardChange change,
                       @Nullable Long seenVersion) {
        Duration standard = change.standard();
        LocalDate validFrom = change.validFrom();
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
        Optional<StandardEntity> sameDay = store.findByProcedureAndStepAndValidFrom(procedure,
                StandardEntity.code(step), validFrom);
        if (!Objects.equals(sameDay.map(StandardEntity::version).orElse(null), seenVersion)) {
            throw new RuleViolation("sla.standard.changed-meanwhile");
        }
        try {
            // A replacement is written on the version read; a new day's row meets another admin's on its unique key.
            if (sameDay.isPresent()) {
                sameDay.get().replace(standard, currentActor.id(), clock.instant());
                store.flush();
            } else {
                store.saveAndFlush(new StandardEntity(procedure, step, standard, validFrom, currentActor.id(),
                        clock.instant()));
            }
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException changedMeanwhile) {
            throw new RuleViolation("sla.standard.changed-meanwhile");
        }
        String subject = procedure.name() + "/" + StandardEntity.code(step);
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

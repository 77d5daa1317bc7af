package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.population.CardPrintReason;
import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.schoolvisit.internal.StudentStore;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.sla.SopStep;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SOP D step 7 after the visit: the students recorded at school who turn 17 today, or are past it and not printed,
 * per school, for the printing operators; printing records the card and takes a blank card from the point's stock.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.PRINT_OPERATOR + "','" + Roles.FIELD_OFFICER + "')")
public class BirthdayPrintQueue {

    private final StudentStore students;
    private final PopulationRegistry registry;
    private final BlankoStock blanko;
    private final SchoolVisitClocks clocks;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final Clock clock;

    BirthdayPrintQueue(StudentStore students, PopulationRegistry registry, BlankoStock blanko,
                       SchoolVisitClocks clocks, AuditLog auditLog, CurrentActor currentActor, Clock clock) {
        this.students = students;
        this.registry = registry;
        this.blanko = blanko;
        this.clocks = clocks;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** A page of today's queue: 17 today or earlier and not printed, oldest birthday first. */
    @Transactional(readOnly = true)
    public Slice<QueuedCard> today(Pageable page) {
        return students.dueForPrinting(LocalDate.now(clock), page);
    }

    /** The card printed at the operator's point: the registry records it, the point's stock gives a blank card. */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.PRINT_OPERATOR + "')")
    public Student print(long studentId) {
        Student student = students.find(studentId)
                .orElseThrow(() -> new RuleViolation("schoolvisit.error.student-not-found"));
        if (student.state() != StudentState.WAITING) {
            return student;
        }
        Nik nik = Nik.of(student.nik());
        Resident resident = registry.findByNik(nik)
                .orElseThrow(() -> new RuleViolation("population.nik.unknown", nik.masked()));
        LocalDate today = LocalDate.now(clock);
        Eligibility.schoolCardPrinting(resident.birthDate(), resident.enrolmentStatus(), today).orThrow();
        String point = currentActor.servicePoint();
        Instant now = clock.instant();
        if (!students.printed(studentId, currentActor.id(), now)) {
            return students.find(studentId).orElseThrow();
        }
        blanko.printed(point, "D-S" + studentId);
        registry.recordCardPrint(nik, point, CardPrintReason.FIRST);
        var caseRef = SchoolVisitClocks.student(studentId);
        if (!clocks.leaveIfOpen(caseRef, SopStep.D7_PRINT, now)) {
            // Queued for the birthday: the print itself is the step, the wait for the birthday is not timed.
            clocks.enter(caseRef, SopStep.D7_PRINT, now, point);
            clocks.leave(caseRef, SopStep.D7_PRINT, now);
        }
        auditLog.record(AuditRecord.success("schoolvisit.student.printed", "SchoolStudent", String.valueOf(studentId))
                .withDetail("nik=" + nik.masked() + "; point=" + point));
        return students.find(studentId).orElseThrow();
    }
}

package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.population.CardPrintReason;
import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.schoolvisit.internal.StudentRepository;
import id.dukcapil.portal.schoolvisit.internal.StudentTransition;
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

    private final StudentRepository students;
    private final PopulationRegistry registry;
    private final BlankoStock blanko;
    private final SchoolVisitClocks clocks;
    private final CardsPrintedBefore printedBefore;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final Clock clock;

    BirthdayPrintQueue(StudentRepository students, PopulationRegistry registry, BlankoStock blanko,
                       SchoolVisitClocks clocks, CardsPrintedBefore printedBefore, AuditLog auditLog,
                       CurrentActor currentActor, Clock clock) {
        this.printedBefore = printedBefore;
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

    /**
     * A page of today's queue as the print screen shows it: each card with its record's enrolment status, so that
     * the row offers the action that moves it on. One register read a row, a page at a time: the register's port
     * has no read of many NIKs at once.
     */
    @Transactional(readOnly = true)
    public Slice<QueuedCard> todayToAct(Pageable page) {
        return today(page).map(card -> registry.findByNik(Nik.of(card.student().nik()))
                .map(resident -> card.withEnrolmentStatus(resident.enrolmentStatus())).orElse(card));
    }

    /**
     * The operator sends a card of the queue to the card printer; step 7 begins now unless the centre's print-ready
     * answer began it already today (the card could be printed from then on). The rules are checked before a blank
     * card goes in (print-ready, 17 today, no card printed elsewhere meanwhile); a repeated start changes nothing. The step ends with {@link #print}, when the card is out: its time is the printing's, not a click's.
     */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.PRINT_OPERATOR + "')")
    public Student startPrint(long studentId) {
        Student student = waiting(studentId);
        if (!printableToday(student)) {
            return students.find(studentId).orElseThrow();
        }
        var caseRef = SchoolVisitClocks.student(studentId);
        if (!clocks.inStep(caseRef, SopStep.D7_PRINT)) {
            clocks.enter(caseRef, SopStep.D7_PRINT, clock.instant(), currentActor.servicePoint());
        }
        return student;
    }

    /**
     * The card printed at the operator's point: the registry records it, the point's stock gives a blank card. A
     * student whose card was printed elsewhere meanwhile is not printed again: SOP D ends for them
     * ({@link EndReason#CARD_PRINTED_BEFORE}), as the returned student says.
     */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.PRINT_OPERATOR + "')")
    public Student print(long studentId) {
        Student student = waiting(studentId);
        if (!printableToday(student)) {
            return students.find(studentId).orElseThrow();
        }
        Nik nik = Nik.of(student.nik());
        String point = currentActor.servicePoint();
        Instant now = clock.instant();
        if (!students.changeIf(studentId, StudentTransition.PRINT, waiting -> waiting.printed(currentActor.id(), now))) {
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

    private Student waiting(long studentId) {
        return students.find(studentId).orElseThrow(() -> new RuleViolation("schoolvisit.error.student-not-found"));
    }

    /**
     * Whether a card may go to the printer for the student now: still waiting, no card printed elsewhere meanwhile
     * (SOP D then ends for them, and false), and the register's rules for today (else refused, in words).
     */
    private boolean printableToday(Student student) {
        if (student.state() != StudentState.WAITING
                || printedBefore.endIfPrinted(student, SopStep.D7_PRINT)) {
            return false;
        }
        Nik nik = Nik.of(student.nik());
        Resident resident = registry.findByNik(nik)
                .orElseThrow(() -> new RuleViolation("population.nik.unknown", nik.masked()));
        Eligibility.schoolCardPrinting(resident.birthDate(), resident.enrolmentStatus(), LocalDate.now(clock))
                .orThrow();
        return true;
    }
}

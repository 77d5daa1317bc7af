package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.outside.OutsideSystem;
import id.dukcapil.portal.outside.OutsideSystems;
import id.dukcapil.portal.population.EnrolmentStatus;
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
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The central enrolment for a student waiting for their card, as the officer works it in the national application:
 * a recording not yet sent is sent; a sent one is answered print-ready (only then can a card be printed, on site or
 * on the birthday, decision 094), failed or duplicate. Every enrolment state of a waiting student so has a next
 * action or an end (decision 126): a failed or duplicate record ends SOP D for the student, with the reason.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.FIELD_OFFICER + "','" + Roles.OPERATOR + "','" + Roles.RECORDING_OPERATOR
        + "','" + Roles.PRINT_OPERATOR + "')")
public class EnrolmentAnswers {

    private final StudentRepository students;
    private final PopulationRegistry registry;
    private final SchoolVisitClocks clocks;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final OutsideSystems outside;

    EnrolmentAnswers(StudentRepository students, PopulationRegistry registry, SchoolVisitClocks clocks, AuditLog auditLog,
                     CurrentActor currentActor, Clock clock, OutsideSystems outside) {
        this.outside = outside;
        this.students = students;
        this.registry = registry;
        this.clocks = clocks;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /**
     * A recording captured (at a desk before the visit, say) but not yet sent to the central enrolment is sent; a
     * repeated tap changes nothing.
     */
    @Transactional
    public Resident send(long studentId) {
        Student student = student(studentId);
        Resident resident = resident(student);
        if (resident.enrolmentStatus() == EnrolmentStatus.SENT_FOR_ENROLMENT) {
            return resident;
        }
        if (resident.enrolmentStatus() != EnrolmentStatus.BIOMETRICS_CAPTURED) {
            throw new RuleViolation("schoolvisit.error.not-captured", student.fullName());
        }
        Resident sent = registry.changeEnrolmentStatus(resident.nik(), EnrolmentStatus.SENT_FOR_ENROLMENT,
                "SOP D: sent to the central enrolment");
        audit("schoolvisit.student.sent-for-enrolment", student);
        return sent;
    }

    /** The record is print-ready; a repeated answer changes nothing. */
    @Transactional
    public Resident printReady(long studentId) {
        Student student = student(studentId);
        Resident resident = resident(student);
        if (resident.enrolmentStatus() == EnrolmentStatus.PRINT_READY) {
            return resident;
        }
        if (resident.enrolmentStatus() != EnrolmentStatus.SENT_FOR_ENROLMENT) {
            throw new RuleViolation("schoolvisit.error.not-sent", student.fullName());
        }
        Resident ready = registry.changeEnrolmentStatus(resident.nik(), EnrolmentStatus.PRINT_READY,
                "SOP D: central enrolment answered");
        // The card can be printed from now on for a student already 17: step 7 begins (the wait for the answer was
        // not printing). For a younger one it begins when the birthday's print starts (BirthdayPrintQueue).
        if (student.state() == StudentState.WAITING && student.seventeenOn(LocalDate.now(clock))) {
            clocks.enterIfNotIn(SchoolVisitClocks.student(studentId), SopStep.D7_PRINT, clock.instant(),
                    currentActor.servicePoint());
        }
        audit("schoolvisit.student.print-ready", student);
        outside.contact(OutsideSystem.SIAK); // the central enrolment answered (decision 198)
        return ready;
    }

    /**
     * The central enrolment failed the recording, or found it a duplicate of another record: no card from SOP D;
     * the student ends there with the reason (a failed one records again at an office, SOP C), and an open step 7
     * ends with it. Also for a record the register already shows failed or duplicate.
     *
     * @param outcome {@link EnrolmentStatus#ENROLMENT_FAILED} or {@link EnrolmentStatus#DUPLICATE_RECORD}
     */
    @Transactional
    public Student notPrintable(long studentId, EnrolmentStatus outcome) {
        EndReason reason = switch (outcome) {
            case ENROLMENT_FAILED -> EndReason.ENROLMENT_FAILED;
            case DUPLICATE_RECORD -> EndReason.DUPLICATE_RECORD;
            default -> throw new IllegalArgumentException("not an outcome that ends SOP D: " + outcome);
        };
        Student student = student(studentId);
        if (student.state() == StudentState.ENDED) {
            return student;
        }
        if (student.state() != StudentState.WAITING) {
            throw new RuleViolation("schoolvisit.error.student-changed", student.fullName());
        }
        Resident resident = resident(student);
        if (resident.enrolmentStatus() == EnrolmentStatus.SENT_FOR_ENROLMENT) {
            registry.changeEnrolmentStatus(resident.nik(), outcome, "SOP D: central enrolment answered");
        } else if (resident.enrolmentStatus() != outcome) {
            throw new RuleViolation("schoolvisit.error.not-sent", student.fullName());
        }
        outside.contact(OutsideSystem.SIAK); // the central enrolment answered (decision 198)
        Instant now = clock.instant();
        if (students.changeIf(studentId, StudentTransition.ENDED_WAITING,
                waiting -> waiting.endWaiting(reason))) {
            // No card was printed: step 7 ends abandoned, not as a print of a few seconds (issue 54).
            clocks.abandonIfOpen(SchoolVisitClocks.student(studentId), SopStep.D7_PRINT, now, "central enrolment: " + outcome);
            audit("schoolvisit.student.ended", student);
        }
        return students.find(studentId).orElseThrow();
    }

    private Student student(long studentId) {
        return students.find(studentId).orElseThrow(() -> new RuleViolation("schoolvisit.error.student-not-found"));
    }

    private Resident resident(Student student) {
        Nik nik = Nik.of(student.nik());
        return registry.findByNik(nik).orElseThrow(() -> new RuleViolation("population.nik.unknown", nik.masked()));
    }

    private void audit(String action, Student student) {
        auditLog.record(AuditRecord.success(action, "SchoolStudent", String.valueOf(student.id()))
                .withDetail("nik=" + Nik.of(student.nik()).masked()));
    }
}

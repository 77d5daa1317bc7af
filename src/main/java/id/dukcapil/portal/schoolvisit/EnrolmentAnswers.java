package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.schoolvisit.internal.StudentStore;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The central enrolment's answer for a student recorded at school, as the officer reads it in the national
 * application: print-ready. Only then can a card be printed, on site or on the birthday (decision 094).
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.FIELD_OFFICER + "','" + Roles.OPERATOR + "','" + Roles.RECORDING_OPERATOR
        + "','" + Roles.PRINT_OPERATOR + "')")
public class EnrolmentAnswers {

    private final StudentStore students;
    private final PopulationRegistry registry;
    private final AuditLog auditLog;

    EnrolmentAnswers(StudentStore students, PopulationRegistry registry, AuditLog auditLog) {
        this.students = students;
        this.registry = registry;
        this.auditLog = auditLog;
    }

    /** The record is print-ready; a repeated answer changes nothing. */
    @Transactional
    public Resident printReady(long studentId) {
        Student student = students.find(studentId)
                .orElseThrow(() -> new RuleViolation("schoolvisit.error.student-not-found"));
        Nik nik = Nik.of(student.nik());
        Resident resident = registry.findByNik(nik)
                .orElseThrow(() -> new RuleViolation("population.nik.unknown", nik.masked()));
        if (resident.enrolmentStatus() == EnrolmentStatus.PRINT_READY) {
            return resident;
        }
        if (resident.enrolmentStatus() != EnrolmentStatus.SENT_FOR_ENROLMENT) {
            throw new RuleViolation("schoolvisit.error.not-sent", student.fullName());
        }
        Resident ready = registry.changeEnrolmentStatus(nik, EnrolmentStatus.PRINT_READY,
                "SOP D: central enrolment answered");
        auditLog.record(AuditRecord.success("schoolvisit.student.print-ready", "SchoolStudent",
                String.valueOf(studentId)).withDetail("nik=" + nik.masked()));
        return ready;
    }
}

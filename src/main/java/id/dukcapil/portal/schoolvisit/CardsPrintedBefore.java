package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.schoolvisit.internal.StudentRepository;
import id.dukcapil.portal.schoolvisit.internal.StudentTransition;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.sla.SopStep;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * SOP D prints a student's first card only. The population register keeps every KTP-el printed (at the Dinas, a
 * counter, an earlier visit), so before SOP D prints — at step 3 and again at step 7, as a card may be printed
 * elsewhere in between — it asks the register; a student with a card ends SOP D there ({@link EndReason#CARD_PRINTED_BEFORE}):
 * a second card is a replacement, another procedure.
 */
@Component
class CardsPrintedBefore {

    private final PopulationRegistry registry;
    private final StudentRepository students;
    private final SchoolVisitClocks clocks;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final Clock clock;

    CardsPrintedBefore(PopulationRegistry registry, StudentRepository students, SchoolVisitClocks clocks, AuditLog auditLog,
                       CurrentActor currentActor, Clock clock) {
        this.registry = registry;
        this.students = students;
        this.clocks = clocks;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /**
     * Ends SOP D for the student if a card was printed for them; the open step (3 or 7) ends with it.
     *
     * @return whether it ended (or had ended already): nothing more is to be done for the student
     */
    boolean endIfPrinted(Student student, SopStep openStep) {
        if (student.state() == StudentState.ENDED) {
            return true;
        }
        if (registry.cardHistory(Nik.of(student.nik())).isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        boolean ended = student.state() == StudentState.ON_ROSTER
                ? students.changeIf(student.id(), StudentTransition.ENDED_AT_VISIT,
                        seen -> seen.endAtVisit(EndReason.CARD_PRINTED_BEFORE, currentActor.id(), now))
                : students.changeIf(student.id(), StudentTransition.ENDED_WAITING,
                        waiting -> waiting.endWaiting(EndReason.CARD_PRINTED_BEFORE));
        if (ended) {
            if (openStep == SopStep.D7_PRINT) {
                // The card was printed elsewhere, not in this step: abandoned, not a print.
                clocks.abandonIfOpen(SchoolVisitClocks.student(student.id()), openStep, now, "card printed before");
            } else {
                clocks.leaveIfOpen(SchoolVisitClocks.student(student.id()), openStep, now); // step 3's check found it
            }
            auditLog.record(AuditRecord.success("schoolvisit.student.card-printed-before", "SchoolStudent",
                    String.valueOf(student.id())).withDetail("nik=" + Nik.of(student.nik()).masked()));
        }
        return true;
    }
}

package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.sla.CaseRef;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClock;
import id.dukcapil.portal.sla.StepRecord;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * SOP D's step clocks. Three kinds of case: a visit ({@code D-V<id>}: coordination and preparation, D1–D2), a
 * student ({@code D-S<id>}: status, registry check and update, recording, printing, D3–D7) and a handover
 * ({@code D-H<id>}: D8) — each step belongs to what it is done for (decision 095).
 */
@Component
class SchoolVisitClocks {

    private final StepClock stepClock;
    private final CurrentActor currentActor;

    SchoolVisitClocks(StepClock stepClock, CurrentActor currentActor) {
        this.stepClock = stepClock;
        this.currentActor = currentActor;
    }

    static CaseRef visit(long visitId) {
        return new CaseRef(Procedure.D_SCHOOL_VISIT, "D-V" + visitId);
    }

    static CaseRef student(long studentId) {
        return new CaseRef(Procedure.D_SCHOOL_VISIT, "D-S" + studentId);
    }

    static CaseRef handover(long handoverId) {
        return new CaseRef(Procedure.D_SCHOOL_VISIT, "D-H" + handoverId);
    }

    void enter(CaseRef caseRef, SopStep step, Instant at, String servicePoint) {
        stepClock.enter(caseRef, step, at, currentActor.id(), servicePoint);
    }

    /** Enters the step unless the case is in it already (a repeated answer). */
    void enterIfNotIn(CaseRef caseRef, SopStep step, Instant at, String servicePoint) {
        if (!inStep(caseRef, step)) {
            enter(caseRef, step, at, servicePoint);
        }
    }

    /** Enters a step for an actor other than the signed-in one (an event's, such as the Kepala Dinas's signature). */
    void enterAs(CaseRef caseRef, SopStep step, Instant at, String actor, @Nullable String servicePoint) {
        stepClock.enter(caseRef, step, at, actor, servicePoint);
    }

    /** Leaves a step for an actor other than the signed-in one (an outpost's officer, on check-in). */
    void leaveAs(CaseRef caseRef, SopStep step, Instant at, String actor) {
        stepClock.leave(caseRef, step, at, actor);
    }

    void leave(CaseRef caseRef, SopStep step, Instant at) {
        stepClock.leave(caseRef, step, at, currentActor.id());
    }

    /** Leaves the step; an overrun is excused for the reason given (a technical failure, as the SOP allows). */
    void leaveExcused(CaseRef caseRef, SopStep step, Instant at, String reason) {
        stepClock.leaveExcused(caseRef, step, at, currentActor.id(), reason);
    }

    /** Leaves the step if the case is in it: a repeated click or a retry after a lost answer changes nothing. */
    boolean leaveIfOpen(CaseRef caseRef, SopStep step, Instant at) {
        return stepClock.leaveIfOpen(caseRef, step, at, currentActor.id()).isPresent();
    }

    /**
     * Ends the step without its output if the case is in it (the enrolment failed, the card was printed elsewhere):
     * counted apart, never as done.
     */
    boolean abandonIfOpen(CaseRef caseRef, SopStep step, Instant at, String reason) {
        return stepClock.abandonIfOpen(caseRef, step, at, currentActor.id(), reason).isPresent();
    }

    /** Leaves one step and enters the next at the same moment. */
    void move(CaseRef caseRef, SopStep from, SopStep to, Instant at, String servicePoint) {
        stepClock.leave(caseRef, from, at, currentActor.id());
        stepClock.enter(caseRef, to, at, currentActor.id(), servicePoint);
    }

    /** When the signed-in actor entered the step the case is in now, if they did: the work in their hands. */
    java.util.Optional<Instant> enteredByMe(CaseRef caseRef) {
        String me = currentActor.id();
        return stepClock.now(caseRef).flatMap(now -> now.current().stream()
                .filter(open -> me.equals(open.startedBy())).map(StepRecord::startedAt).max(Instant::compareTo));
    }

    /** The step the case is in now, if any (the latest entered). */
    java.util.Optional<StepRecord> open(CaseRef caseRef) {
        return stepClock.openStep(caseRef);
    }

    boolean inStep(CaseRef caseRef, SopStep step) {
        return stepClock.now(caseRef).map(now -> now.current().stream().anyMatch(open -> open.step() == step))
                .orElse(false);
    }
}

package id.dukcapil.portal.recording;

import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.sla.CaseRef;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClock;
import id.dukcapil.portal.shared.RuleViolation;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** SOP C's step clocks: a visit is the case ({@code C-<visit id>}), each desk's actor the one who acts. */
@Component
class RecordingClocks {

    private final StepClock stepClock;
    private final CurrentActor currentActor;

    RecordingClocks(StepClock stepClock, CurrentActor currentActor) {
        this.stepClock = stepClock;
        this.currentActor = currentActor;
    }

    static CaseRef caseRef(long visitId) {
        return new CaseRef(Procedure.C_RECORDING, "C-" + visitId);
    }

    /** The step the visit is in now, if any: its desk shows the clock (issue 54). */
    java.util.Optional<id.dukcapil.portal.sla.StepRecord> open(long visitId) {
        return stepClock.openStep(caseRef(visitId));
    }

    void enter(long visitId, SopStep step, Instant at, String servicePoint) {
        stepClock.enter(caseRef(visitId), step, at, currentActor.id(), servicePoint);
    }

    void leave(long visitId, SopStep step, Instant at) {
        stepClock.leave(caseRef(visitId), step, at, currentActor.id());
    }

    /** Leaves the step; after a technical fault (if one is named) an overrun is excused, as the SOP allows. */
    void leave(long visitId, SopStep step, Instant at, @Nullable String technicalFault) {
        if (technicalFault == null) {
            leave(visitId, step, at);
        } else {
            leaveExcused(visitId, step, at, "technical failure: " + technicalFault);
        }
    }

    /** A technical fault as the desk typed it: blank is none; too long is refused. */
    static @Nullable String fault(@Nullable String typed) {
        String fault = typed == null ? "" : typed.strip();
        if (fault.length() > 200) {
            throw new RuleViolation("recording.error.fault");
        }
        return fault.isEmpty() ? null : fault;
    }

    /** The step ends without its output (nobody came to the call): counted apart, never as done. */
    void abandon(long visitId, SopStep step, Instant at, String reason) {
        stepClock.abandonIfOpen(caseRef(visitId), step, at, currentActor.id(), reason);
    }

    /** Leaves the step; an overrun is excused for the reason given (a technical failure, as the SOP allows). */
    void leaveExcused(long visitId, SopStep step, Instant at, String reason) {
        stepClock.leaveExcused(caseRef(visitId), step, at, currentActor.id(), reason);
    }
}

package id.dukcapil.portal.kkprint.internal;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.kkprint.RequestState;
import id.dukcapil.portal.sla.CaseRef;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClock;
import id.dukcapil.portal.sla.StepRecord;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.shared.RuleViolation;
import org.springframework.dao.OptimisticLockingFailureException;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every state change of a request is recorded here: the request's own method made the change ({@link KkRequestEntity},
 * one per row of {@link Transition}); this moves the step clocks (SOP B steps 6–10; step 6 starts at the claim),
 * appends the history row the citizen sees, writes the audit entry and writes the request at once, all in the
 * caller's transaction. A write on a version another transaction replaced meanwhile is refused in words ("changed
 * meanwhile"), never lost.
 */
@Component
public class Lifecycle {

    private final KkRequestRepository requests;
    private final StepClock stepClock;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final Clock clock;

    Lifecycle(KkRequestRepository requests, StepClock stepClock, AuditLog auditLog, CurrentActor currentActor,
              Clock clock) {
        this.requests = requests;
        this.stepClock = stepClock;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** A change the signed-in user (or job) made now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(KkRequestEntity request, KkRequestEntity.Change change, @Nullable String reason) {
        record(request, change, reason, clock.instant(), currentActor());
    }

    /**
     * The same, for a change made elsewhere: the Kepala Dinas signed or sent back in the signing module, and the step
     * ends then and by them, not when kkprint hears of it. A note (a claim) keeps the step; a move leaves its step and
     * enters the next one's clock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(KkRequestEntity request, KkRequestEntity.Change change, @Nullable String reason, Instant at,
                       Actor by) {
        Transition transition = change.transition();
        if (transition == Transition.CLAIMED) {
            // Step 6 starts when an operator takes the request; the time before it was waiting in the inbox.
            stepClock.take(caseRef(request.trackingNumber()), SopStep.B6_OPERATOR_CHECK, at, by.id())
                    .ifPresent(started -> request.stepEntered(SopStep.B6_OPERATOR_CHECK.name(), at,
                            at.plus(started.standard())));
        } else if (transition == Transition.CLAIM_RELEASED) {
            // Given back, the check once begun runs on: its clock does not go back to waiting.
            stepClock.hold(caseRef(request.trackingNumber()), SopStep.B6_OPERATOR_CHECK, null);
        }
        if (transition.kind() == Transition.Kind.MOVE) {
            CaseRef caseRef = caseRef(request.trackingNumber());
            // Step 9 is not left by a move: it ends when the mail server accepts the QR + PIN e-mail (QrPinMailAccepted).
            String left = change.leftStep();
            if (left != null && !SopStep.B9_QR_PIN_EMAIL.name().equals(left)) {
                stepClock.leave(caseRef, SopStep.valueOf(left), at, by.id());
            }
            if (transition.enters() == SopStep.B6_OPERATOR_CHECK) {
                // Sent back to the operators' inbox: step 6 waits there until one takes it, as a new request does.
                stepClock.queue(caseRef, SopStep.B6_OPERATOR_CHECK, at, by.id(), ServicePoint.DINAS);
                request.stepEntered(SopStep.B6_OPERATOR_CHECK.name(), at, null);
            } else if (transition.enters() != null) {
                // SOP B is the Dinas's procedure: its steps are counted there, whoever takes them (issue 54).
                StepRecord entered = stepClock.enter(caseRef, transition.enters(), at, by.id(), ServicePoint.DINAS);
                request.stepEntered(transition.enters().name(), at, at.plus(entered.standard()));
            } else {
                request.stepEntered(null, null, null);
            }
        }
        record(request, transition, change.from(), request.state(), reason, by, at);
    }

    /** A note ({@link Transition.Kind#NOTE}) beside the state: history and audit only. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void note(KkRequestEntity request, Transition note, @Nullable String reason) {
        if (note.kind() != Transition.Kind.NOTE || note.from() != null) {
            throw new IllegalArgumentException(note + " changes the state: the request's method makes it");
        }
        record(request, note, request.state(), request.state(), reason, currentActor(), clock.instant());
    }

    /** A new request, its first history row with it; a second open request for its KK fails on the unique key. */
    @Transactional(propagation = Propagation.MANDATORY)
    public KkRequestEntity submitted(KkRequestEntity request, String actor) {
        request.record(request.submittedAt(), actor, null, RequestState.SUBMITTED, null, true);
        return requests.saveAndFlush(request);
    }

    private void record(KkRequestEntity request, Transition transition, RequestState from, RequestState to,
                        @Nullable String reason, Actor actor, Instant now) {
        request.record(now, actor.id(), from, to, reason, transition.reasonPublic());
        try {
            requests.flush();
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            throw new RuleViolation("kkprint.moved-meanwhile", request.trackingNumber());
        }
        auditLog.record(AuditRecord.success(transition.auditAction(), "KkPrintRequest", request.trackingNumber())
                .withDetail(from + " → " + to + (reason == null ? "" : ": " + reason)));
    }

    /** Whoever acts now: a signed-in officer, an API client, or the portal's kkprint jobs. */
    public Actor currentActor() {
        return currentActor.orSystem("kkprint");
    }

    /** The Kepala Dinas (or another officer) who acted in another module, by username. */
    public static Actor staff(String username) {
        return new Actor(Actor.Type.STAFF, username, null, java.util.Set.of(), null);
    }

    public static CaseRef caseRef(String trackingNumber) {
        return new CaseRef(Procedure.B_KK_PRINT, trackingNumber);
    }
}

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
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every state change of a request goes through here: the conditional update that decides who wins, the history
 * row the citizen sees, the step clocks (SOP B steps 6–10) and the audit entry, all in the caller's transaction.
 */
@Component
public class Lifecycle {

    private final RequestStore store;
    private final StepClock stepClock;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final Clock clock;

    Lifecycle(RequestStore store, StepClock stepClock, AuditLog auditLog, CurrentActor currentActor, Clock clock) {
        this.store = store;
        this.stepClock = stepClock;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /**
     * A move ({@link Transition.Kind#MOVE}) if the request is still where the caller saw it; false if someone else
     * moved it first. A move only the holder may make is made only by the signed-in holder.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean apply(RequestStore.Row request, Transition move, @Nullable String reason) {
        return apply(request, move, reason, clock.instant(), currentActor());
    }

    /**
     * The same, for a move made elsewhere: the Kepala Dinas signed or sent back in the signing module, and the step
     * ends then and by them, not when kkprint hears of it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean apply(RequestStore.Row request, Transition move, @Nullable String reason, Instant at, Actor by) {
        if (move.kind() != Transition.Kind.MOVE) {
            throw new IllegalArgumentException(move + " is a note, not a move");
        }
        Actor actor = by;
        if (!store.move(request.id(), move.from(), move.holderOnly() ? actor.id() : null, move.to(), move.inbox())) {
            return false;
        }
        Instant now = at;
        CaseRef caseRef = caseRef(request.trackingNumber());
        // Step 9 is not left by a move: it ends when the mail server accepts the QR + PIN e-mail (QrPinMailAccepted).
        if (request.step() != null && !SopStep.B9_QR_PIN_EMAIL.name().equals(request.step())) {
            stepClock.leave(caseRef, SopStep.valueOf(request.step()), now, actor.id());
        }
        if (move.enters() != null) {
            StepRecord entered = stepClock.enter(caseRef, move.enters(), now, actor.id(), actor.servicePoint());
            store.setStep(request.id(), move.enters().name(), now, now.plus(entered.standard()));
        } else {
            store.setStep(request.id(), null, null, null);
        }
        record(request, move, move.from(), move.to(), reason, actor, now);
        return true;
    }

    /** A note ({@link Transition.Kind#NOTE}): the step is kept; history and audit only. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void note(RequestStore.Row request, Transition note, @Nullable String reason) {
        if (note.kind() != Transition.Kind.NOTE) {
            throw new IllegalArgumentException(note + " is a move, not a note");
        }
        RequestState from = note.from() == null ? request.state() : note.from();
        RequestState to = note.to() == null ? request.state() : note.to();
        record(request, note, from, to, reason, currentActor(), clock.instant());
    }

    private void record(RequestStore.Row request, Transition transition, RequestState from, RequestState to,
                        @Nullable String reason, Actor actor, Instant now) {
        store.appendHistory(request.id(), now, actor.id(), from, to, reason, transition.reasonPublic());
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

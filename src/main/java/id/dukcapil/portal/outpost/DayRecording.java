package id.dukcapil.portal.outpost;

import id.dukcapil.portal.outpost.internal.DayVisitEntity;
import id.dukcapil.portal.outpost.internal.DayVisitRepository;
import id.dukcapil.portal.recording.OutpostDayBundle.Step;
import id.dukcapil.portal.recording.VisitState;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SOP C step 3 at a kecamatan cut from the Dinas (issue 53, decision 200): the recording desk on the outpost. Calls
 * the next number (sent back first, then priority visitors, then in order), recalls, marks absent and brings back;
 * recorded (the proof's number runs on from the Dinas's in the point's year; the register's record moves on when the
 * Dinas takes the day: until then the resident "waits for the centre") or failed with a reason; the proof handed.
 */
@Service
@PreAuthorize("hasRole('" + Roles.RECORDING_OPERATOR + "')")
public class DayRecording {

    private static final int DESK_MAX_LENGTH = 20;
    private static final int REASON_MAX_LENGTH = 300;

    private final DeskSteps steps;
    private final DayVisitRepository visits;

    DayRecording(DeskSteps steps, DayVisitRepository visits) {
        this.steps = steps;
        this.visits = visits;
    }

    /** The next waiting number for this desk; empty when nobody waits. */
    public Optional<DayDesks.Visit> callNext(String desk) {
        String deskName = deskName(desk);
        return steps.take(taking -> visits.inCallOrder(taking.day().checkoutId(), VisitState.QUEUED, Limit.of(1))
                .stream().findFirst().map(waiting -> {
                    DayVisitEntity visit = taking.visit(waiting.key());
                    visit.call(deskName, taking.operator(), taking.now());
                    taking.keep(taking.operation(Step.CALLED, visit, null, null, null, deskName, null, null, false));
                    return steps.view(visit);
                }));
    }

    /** Calls the same number again: the board shows it anew. */
    public DayDesks.Visit recall(UUID visitKey) {
        return steps.take(taking -> {
            DayVisitEntity visit = taking.visit(visitKey);
            visit.recall(taking.now());
            taking.keep(taking.operation(Step.RECALLED, visit));
            return steps.view(visit);
        });
    }

    /** Nobody came: the number waits aside until brought back. */
    public DayDesks.Visit absent(UUID visitKey) {
        return steps.take(taking -> {
            DayVisitEntity visit = taking.visit(visitKey);
            visit.markAbsent();
            taking.keep(taking.operation(Step.ABSENT, visit));
            return steps.view(visit);
        });
    }

    /** An absent resident came after all: the number waits again in its place. */
    public DayDesks.Visit bringBack(UUID visitKey) {
        return steps.take(taking -> {
            DayVisitEntity visit = taking.visit(visitKey);
            visit.bringBack(taking.now());
            taking.keep(taking.operation(Step.BROUGHT_BACK, visit));
            return steps.view(visit);
        });
    }

    /**
     * Photo, signature, fingerprints and iris recorded: the proof's number is the point's next in the year; the
     * resident waits for the centre until the Dinas takes the day. After a technical fault the step may run over.
     */
    public DayDesks.Visit recorded(UUID visitKey, @Nullable String technicalFault) {
        String fault = DeskSteps.fault(technicalFault);
        return steps.take(taking -> {
            DayVisitEntity visit = taking.visit(visitKey);
            visit.awaitingProof(); // refused before the year's number is taken: no gap
            int proof = taking.day().takeProof();
            String number = taking.day().proofNumber(proof);
            visit.record(number);
            steps.residentOf(visit).recordedHere();
            taking.keep(taking.operation(Step.RECORDED, visit, null, null, proof, number, fault, null, false));
            return steps.view(visit);
        });
    }

    /** The recording failed: back to the registration desk with the reason; a technical failure is said so. */
    public DayDesks.Visit failed(UUID visitKey, String reason, boolean technical) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX_LENGTH) {
            throw new RuleViolation("recording.error.failure-reason");
        }
        return steps.take(taking -> {
            DayVisitEntity visit = taking.visit(visitKey);
            visit.sendBack(why, technical);
            taking.keep(taking.operation(Step.FAILED, visit, null, null, null, why, null, null, technical));
            return steps.view(visit);
        });
    }

    /** The resident has the documents back with the proof: SOP C ends for them. */
    public DayDesks.Visit proofHanded(UUID visitKey) {
        return steps.take(taking -> {
            DayVisitEntity visit = taking.visit(visitKey);
            visit.handProof(taking.now());
            taking.keep(taking.operation(Step.PROOF_HANDED, visit));
            return steps.view(visit);
        });
    }

    /** The day's visits in a state, in the order the desk calls them. */
    @Transactional(readOnly = true)
    public List<DayDesks.Visit> inState(VisitState state) {
        return steps.held().map(day -> visits.inCallOrder(day.checkoutId(), state, Limit.of(500)).stream()
                .map(steps::view).toList()).orElse(List.of());
    }

    private static String deskName(String desk) {
        String name = desk == null ? "" : desk.strip();
        if (name.isEmpty() || name.length() > DESK_MAX_LENGTH) {
            throw new RuleViolation("recording.error.desk");
        }
        return name;
    }
}

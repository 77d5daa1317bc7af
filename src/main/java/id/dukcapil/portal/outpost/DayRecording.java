package id.dukcapil.portal.outpost;

import id.dukcapil.portal.outpost.internal.DayStepEntity;
import id.dukcapil.portal.outpost.internal.DayStepRepository;
import id.dukcapil.portal.outpost.internal.DayVisitEntity;
import id.dukcapil.portal.outpost.internal.DayVisitRepository;
import id.dukcapil.portal.outpost.internal.TakenDayEntity;
import id.dukcapil.portal.recording.OutpostDay;
import id.dukcapil.portal.recording.OutpostDayBundle;
import id.dukcapil.portal.recording.RecordingDocuments;
import id.dukcapil.portal.recording.Visit;
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

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter
            .ofPattern("d MMMM yyyy", java.util.Locale.of("id"));

    private final DeskSteps steps;
    private final DayVisitRepository visits;
    private final DayStepRepository stepRows;
    private final RecordingDocuments papers;

    DayRecording(DeskSteps steps, DayVisitRepository visits, DayStepRepository stepRows, RecordingDocuments papers) {
        this.steps = steps;
        this.visits = visits;
        this.stepRows = stepRows;
        this.papers = papers;
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
        return steps.move(visitKey, Step.RECALLED, (visit, at) -> visit.recall(at));
    }

    /** Nobody came: the number waits aside until brought back. */
    public DayDesks.Visit absent(UUID visitKey) {
        return steps.move(visitKey, Step.ABSENT, (visit, at) -> visit.markAbsent());
    }

    /** An absent resident came after all: the number waits again in its place. */
    public DayDesks.Visit bringBack(UUID visitKey) {
        return steps.move(visitKey, Step.BROUGHT_BACK, (visit, at) -> visit.bringBack(at));
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
        return steps.move(visitKey, Step.PROOF_HANDED, (visit, at) -> visit.handProof(at));
    }

    /**
     * The proof of recording of a visit recorded here, printed at the desk (SOP C step 3): the Dinas's own form, its
     * number the day's, its QR the address the Dinas's public page answers once the day is back (the token made from
     * the checkout's secret and the recording's operation, as the Dinas makes it on arrival). The download is
     * recorded before the file goes, as at the Dinas.
     */
    @Transactional(readOnly = true)
    public byte[] proof(UUID visitKey) {
        TakenDayEntity day = steps.held().orElseThrow(() -> new RuleViolation("outpost.day.nothing-out"));
        DayVisitEntity visit = visits.findById(visitKey.toString()).filter(found -> found.checkoutId()
                == day.checkoutId()).orElseThrow(() -> new RuleViolation("outpost.day.visit-unknown"));
        DayStepEntity recording = stepRows.findByVisitKeyAndStepOrderByPosition(visit.visitKey(), Step.RECORDED)
                .stream().reduce((first, last) -> last)
                .orElseThrow(() -> new RuleViolation("recording.error.no-proof"));
        OutpostDay.Packed resident = steps.opened(steps.residentOf(visit));
        OutpostDayBundle.Operation recorded = recording.operation(steps.key());
        Visit printed = new Visit(0, day.point(), day.day(), resident.nik(), resident.fullName(), visit.state(),
                null, visit.ticket(), visit.priority(), visit.requeued(), null, null, null, false, visit.desk(),
                visit.calledAt(), visit.calledBy(), visit.registeredBy(), recorded.staff(), recorded.at(),
                visit.startedAt(), visit.endedAt(), visit.proofNumber(),
                OutpostDayBundle.proofToken(day.secret(steps.key()), recorded.id()));
        return papers.proof(printed, DAY.format(resident.birthDate()), day.pointName(), "pos-kecamatan/bukti-pdf");
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

package id.dukcapil.portal.recording;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataViews;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.recording.internal.VisitEntity;
import id.dukcapil.portal.recording.internal.VisitRepository;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepRecord;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SOP C step 3, the recording desk: call the next number (numbers sent back first, then priority visitors), recall,
 * skip as absent and bring back; the recording's outcome — recorded (the KTP-el record moves on, a proof of
 * recording is printed; step 4 starts) or failed with a reason (back to the registration desk; a technical failure
 * is noted so the overrun is excused) — and the proof handed to the resident.
 */
@Service
@PreAuthorize("hasRole('" + Roles.RECORDING_OPERATOR + "')")
public class RecordingDesk {

    private final VisitRepository visits;
    private final PopulationRegistry registry;
    private final RecordingClocks clocks;
    private final TurnNotices turnNotices;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final PersonalDataViews personalData;
    private final PointDaysOut pointDaysOut;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RecordingDesk(VisitRepository visits, PopulationRegistry registry, RecordingClocks clocks, TurnNotices turnNotices,
                  AuditLog auditLog, CurrentActor currentActor, PersonalDataViews personalData,
                  PointDaysOut pointDaysOut, Clock clock) {
        this.personalData = personalData;
        this.pointDaysOut = pointDaysOut;
        this.visits = visits;
        this.registry = registry;
        this.clocks = clocks;
        this.turnNotices = turnNotices;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /**
     * The next waiting number for this desk; empty when nobody waits. Step 3 starts at the call; the queue moves up,
     * and a resident it brings near their turn is told (if they asked).
     */
    @Transactional
    public Optional<Visit> callNext(String desk) {
        String deskName = deskName(desk);
        pointDaysOut.refuseIfOut(point());
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        // The claim is SQL (SKIP LOCKED: two desks never wait for each other); the call is the visit's own change.
        Optional<Visit> called = visits.claimNextWaiting(point(), today).map(id -> {
            VisitEntity visit = visits.findLockedById(id).orElseThrow();
            visit.call(deskName, currentActor.id(), now);
            visits.flush(); // the turn notices below read the queue in SQL: this number has left it
            return visit.toRecord();
        });
        called.ifPresent(visit -> {
            clocks.enter(visit.id(), SopStep.C3_RECORDING, now, visit.servicePoint());
            auditLog.record(AuditRecord.success("recording.called", "RecordingVisit", String.valueOf(visit.id()))
                    .withDetail(visit.ticket() + " to " + visit.desk()));
            turnNotices.tellNear(visit.servicePoint(), today);
            shown(visit);
        });
        return called;
    }

    /**
     * The numbers called today and not yet recorded, failed or marked absent: this operator's own first, newest call
     * first, then other desks'. A desk reopens on them (a reload, a crash, a second tab) instead of losing them.
     */
    @Transactional(readOnly = true)
    public List<Visit> called() {
        return visits.called(point(), LocalDate.now(clock), currentActor.id(), Limit.of(100)).stream()
                .map(VisitEntity::toRecord).toList();
    }

    /** The number being served here: this operator's latest call not yet dealt with. */
    @Transactional(readOnly = true)
    public Optional<Visit> serving() {
        Optional<Visit> serving = called().stream().filter(visit -> currentActor.id().equals(visit.calledBy()))
                .findFirst();
        serving.ifPresent(this::shown);
        return serving;
    }

    /**
     * The point's day out at an outpost, in the words the desk's refusals use (where, by whom, since when): the desk
     * says so before anyone tries a step. None when the day is the Dinas's.
     */
    @Transactional(readOnly = true)
    public Optional<RuleViolation> dayOut() {
        return pointDaysOut.why(point());
    }

    /** The step the visit is in now, its clock against the standard on the desk (issue 54). */
    @Transactional(readOnly = true)
    public Optional<StepRecord> step(long visitId) {
        return clocks.open(visitId);
    }

    /** Serves another desk's called number here (its desk closed, a shift changed); a no-op for one's own. */
    @Transactional
    public Visit serve(long visitId, String desk) {
        VisitEntity visit = mine(visitId);
        if (currentActor.id().equals(visit.calledBy()) && visit.state() == VisitState.CALLED) {
            return shown(visit.toRecord());
        }
        String from = visit.desk();
        visit.takeOver(deskName(desk), currentActor.id(), clock.instant());
        auditLog.record(AuditRecord.success("recording.taken-over", "RecordingVisit", String.valueOf(visitId))
                .withDetail(visit.ticket() + " from " + from + " to " + desk));
        return shown(visit.toRecord());
    }

    /** The desk's screen shows the resident it serves: recorded here, so no screen can forget it (issue 50). */
    private Visit shown(Visit visit) {
        personalData.viewed("perekaman", PersonalData.nik(visit.nik()));
        return visit;
    }

    /** Calls the same number again: the board shows it anew and says it again. */
    @Transactional
    public Visit recall(long visitId) {
        VisitEntity visit = mine(visitId);
        visit.recall(clock.instant());
        auditLog.record(AuditRecord.success("recording.recalled", "RecordingVisit", String.valueOf(visitId)));
        return visit.toRecord();
    }

    /**
     * Nobody came: the number waits aside until it is brought back; the call's step 3 ends here, abandoned (nobody
     * was recorded: the report counts it apart, not as a recording of two minutes).
     */
    @Transactional
    public Visit absent(long visitId) {
        VisitEntity visit = mine(visitId);
        visit.markAbsent();
        auditLog.record(AuditRecord.success("recording.absent", "RecordingVisit", String.valueOf(visitId))
                .withDetail(visit.ticket()));
        clocks.abandon(visitId, SopStep.C3_RECORDING, clock.instant(), "absent when called");
        return visit.toRecord();
    }

    /** An absent resident came after all: the number waits again, in its place, until it is called. */
    @Transactional
    public Visit bringBack(long visitId) {
        VisitEntity visit = mine(visitId);
        visit.bringBack(clock.instant());
        auditLog.record(AuditRecord.success("recording.brought-back", "RecordingVisit", String.valueOf(visitId))
                .withDetail(visit.ticket()));
        return visit.toRecord();
    }

    /** Photo, signature, fingerprints and iris recorded: the KTP-el record moves on and a proof is issued. */
    @Transactional
    public Visit recorded(long visitId) {
        return recorded(visitId, null);
    }

    /**
     * Recorded after a technical fault on the way (a device restarted, the national application slow): the SOP
     * lets step 3 run over then, and the log says why.
     */
    @Transactional
    public Visit recorded(long visitId, @Nullable String technicalFault) {
        VisitEntity visit = mine(visitId);
        String fault = RecordingClocks.fault(technicalFault);
        // Recorded elsewhere since the number was given (another point, the register refreshed): said in words,
        // and the visit stays called so the desk can send it back.
        EnrolmentStatus status = registry.findByNik(Nik.of(visit.nik())).map(r -> r.enrolmentStatus())
                .orElseThrow(() -> new RuleViolation("recording.error.not-found", visitId));
        if (!status.canMoveTo(EnrolmentStatus.BIOMETRICS_CAPTURED)) {
            throw new RuleViolation("recording.error.recorded-since." + status.name(), visit.ticket());
        }
        // Numbered per point and year as the number reads, without gaps (issue 54): taken once the checks above have
        // passed; the point's counter row stays locked until this recording commits.
        int year = visit.day().getYear();
        int proof = visits.nextProofNumber(visit.servicePoint(), year);
        // The point's proof counter is locked from here: a checkout of the day at this moment has committed or waits.
        pointDaysOut.refuseIfOut(visit.servicePoint());
        String number = "BPR-%s-%s-%06d".formatted(visit.servicePoint(), year, proof);
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        visit.record(currentActor.id(), now, number, token);
        registry.changeEnrolmentStatus(Nik.of(visit.nik()), EnrolmentStatus.BIOMETRICS_CAPTURED,
                "SOP C: recorded at " + visit.servicePoint() + " (" + number + ")");
        clocks.leave(visitId, SopStep.C3_RECORDING, now, fault);
        clocks.enter(visitId, SopStep.C4_PROOF_HANDED_OVER, now, visit.servicePoint());
        auditLog.record(AuditRecord.success("recording.recorded", "RecordingVisit", String.valueOf(visitId))
                .withDetail(number + (fault == null ? "" : "; technical fault: " + fault)));
        return visit.toRecord();
    }

    /**
     * The recording failed: back to the registration desk with the reason. A technical failure (a device, the
     * network, the national application down) is noted on the visit and in the log: the SOP lets it run over.
     */
    @Transactional
    public Visit failed(long visitId, String reason, boolean technical) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 300) {
            throw new RuleViolation("recording.error.failure-reason");
        }
        VisitEntity visit = mine(visitId);
        visit.sendBack(currentActor.id(), why, technical);
        if (technical) {
            clocks.leaveExcused(visitId, SopStep.C3_RECORDING, clock.instant(), "technical failure: " + why);
        } else {
            clocks.leave(visitId, SopStep.C3_RECORDING, clock.instant());
        }
        auditLog.record(AuditRecord.success(technical ? "recording.failed.technical" : "recording.failed",
                "RecordingVisit", String.valueOf(visitId)).withDetail(why));
        return visit.toRecord();
    }

    /** The resident has the documents back with the proof of recording: SOP C ends for them. */
    @Transactional
    public Visit proofHanded(long visitId) {
        VisitEntity visit = mine(visitId);
        Instant now = clock.instant();
        visit.handProof(now);
        clocks.leave(visitId, SopStep.C4_PROOF_HANDED_OVER, now);
        auditLog.record(AuditRecord.success("recording.proof-handed", "RecordingVisit", String.valueOf(visitId))
                .withDetail(visit.proofNumber()));
        return visit.toRecord();
    }

    /** Today's numbers in a state at this point: waiting, absent, recorded but not yet handed. */
    @Transactional(readOnly = true)
    public List<Visit> inState(VisitState state) {
        return visits.inState(point(), LocalDate.now(clock), state, Limit.of(500)).stream()
                .map(VisitEntity::toRecord).toList();
    }

    @Transactional(readOnly = true)
    public Visit visit(long visitId) {
        return visits.findById(visitId).map(VisitEntity::toRecord)
                .orElseThrow(() -> new RuleViolation("recording.error.not-found", visitId));
    }

    /**
     * A visit of this desk's point, locked to change it (another desk may be at it too); none while the point's day is
     * out at an outpost.
     */
    private VisitEntity mine(long visitId) {
        pointDaysOut.refuseIfOut(point());
        VisitEntity visit = visits.findLockedById(visitId)
                .orElseThrow(() -> new RuleViolation("recording.error.not-found", visitId));
        if (!visit.servicePoint().equals(point())) {
            throw new RuleViolation("recording.error.other-point", visit.servicePoint());
        }
        return visit;
    }

    private static String deskName(String desk) {
        String name = desk == null ? "" : desk.strip();
        if (name.isEmpty() || name.length() > 20) {
            throw new RuleViolation("recording.error.desk");
        }
        return name;
    }

    /** The point this desk serves: the operator's. */
    public String point() {
        return currentActor.servicePoint();
    }
}

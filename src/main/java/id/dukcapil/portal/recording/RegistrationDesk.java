package id.dukcapil.portal.recording;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataViews;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.population.Verdict;
import id.dukcapil.portal.recording.internal.VisitEntity;
import id.dukcapil.portal.recording.internal.VisitRepository;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.shared.Email;
import id.dukcapil.portal.shared.PhoneNumber;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClock;
import id.dukcapil.portal.sla.StepRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SOP C step 2, the registration desk: the resident in person, the requirement documents (returned with the
 * reasons when not in order), the biometric check's result from the national application, and for one not yet
 * recorded a queue number for the recording desk. Each visit is a line of the day's register (BHPPK).
 */
@Service
@PreAuthorize("hasRole('" + Roles.REGISTRATION_OPERATOR + "')")
public class RegistrationDesk {

    /** How many numbers ahead a resident who asked is told their turn nears. */
    public static final int TURN_NOTICE_AHEAD = TurnNotices.AHEAD;
    /** The screen the desk's look-ups are recorded under (decision 129). */
    static final String SCREEN = "registrasi";

    private final VisitRepository visits;
    private final PopulationRegistry registry;
    private final Requirements requirements;
    private final QueueNumbers queueNumbers;
    private final RecordingClocks clocks;
    private final Explanations explanations;
    private final TurnNotices turnNotices;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final PersonalDataViews personalData;
    private final PointDaysOut pointDaysOut;
    private final Clock clock;

    RegistrationDesk(VisitRepository visits, PopulationRegistry registry, Requirements requirements,
                     QueueNumbers queueNumbers, RecordingClocks clocks, Explanations explanations,
                     TurnNotices turnNotices, AuditLog auditLog, CurrentActor currentActor,
                     PersonalDataViews personalData, PointDaysOut pointDaysOut, Clock clock) {
        this.personalData = personalData;
        this.pointDaysOut = pointDaysOut;
        this.visits = visits;
        this.registry = registry;
        this.requirements = requirements;
        this.queueNumbers = queueNumbers;
        this.clocks = clocks;
        this.explanations = explanations;
        this.turnNotices = turnNotices;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** The resident by NIK (typed, or scanned from the KK's barcode). */
    @Transactional(readOnly = true)
    public Applicant lookup(String rawNik) {
        Resident resident = resident(rawNik);
        LocalDate today = LocalDate.now(clock);
        Verdict verdict = registry.ktpRecordingEligibility(resident.nik(), today);
        int members = registry.findFamily(resident.familyId()).map(family -> family.members().size()).orElse(1);
        // The desk's screen shows the resident: recorded here, so no screen can forget it (issue 50).
        personalData.viewed(SCREEN, PersonalData.of(resident.nik()));
        return new Applicant(resident, members, resident.enrolmentStatus(), RecordingNeed.of(resident.enrolmentStatus()),
                verdict.refusal().orElse(null), requirements.of(resident, today),
                openVisit(today, resident.nik().value()).orElse(null), clock.instant());
    }

    /**
     * The members of the family whose KK barcode was scanned (a KK number instead of a NIK), to choose the resident
     * from; empty if the number is no family's.
     */
    @Transactional(readOnly = true)
    public List<Resident> familyOf(String rawKkNumber) {
        try {
            KkNumber kk = KkNumber.of(rawKkNumber == null ? "" : rawKkNumber.strip());
            List<Resident> members = registry.findFamily(kk).map(Family::members).orElse(List.of());
            if (!members.isEmpty()) {
                // The family is listed to choose from: the KK and each member are recorded as seen.
                List<PersonalData> shown = new java.util.ArrayList<>();
                shown.add(PersonalData.of(kk));
                members.forEach(member -> shown.add(PersonalData.of(member.nik())));
                personalData.viewed(SCREEN, shown);
            }
            return members;
        } catch (RuleViolation notAKkNumber) {
            return List.of();
        }
    }

    /**
     * The operator has received the resident's documents: the visit begins. Step 1 (the resident handing the
     * documents over) ran from when the resident was looked up at the desk ({@link Applicant#at()}) until now; step 2
     * (the operator's check) starts now.
     */
    @Transactional
    public Visit begin(String rawNik, Instant arrivedAt) {
        LocalDate today = LocalDate.now(clock);
        // The day's counter row held shared to the commit (a checkout of the day locks it for itself): a visit begun
        // here and a checkout at the same moment never pass each other (the checkout sees this visit open, or this
        // begin sees the day out); begins at several desks do not wait for each other.
        visits.shareNumbers(point(), today);
        pointDaysOut.refuseIfOut(point());
        Resident resident = resident(rawNik);
        registry.ktpRecordingEligibility(resident.nik(), today).refusal().ifPresent(finding -> {
            throw new RuleViolation(finding.messageKey(), finding.argsArray());
        });
        openVisit(today, resident.nik().value()).ifPresent(open -> {
            throw new RuleViolation("recording.error.open-visit", open.ticket() == null ? "" : open.ticket());
        });
        Instant now = clock.instant();
        // Never in the future, never before the office's day began (a lookup left on screen overnight).
        Instant startOfDay = today.atStartOfDay(clock.getZone()).toInstant();
        Instant arrived = arrivedAt.isAfter(now) ? now : arrivedAt.isBefore(startOfDay) ? startOfDay : arrivedAt;
        long id = visits.save(new VisitEntity(point(), today, resident.nik().value(), resident.fullName(),
                currentActor.id(), arrived)).id();
        clocks.enter(id, SopStep.C1_DOCUMENTS_HANDED_OVER, arrived, point());
        clocks.leave(id, SopStep.C1_DOCUMENTS_HANDED_OVER, now);
        clocks.enter(id, SopStep.C2_REGISTRATION_CHECK, now, point());
        auditLog.record(AuditRecord.success("recording.visit.begun", "RecordingVisit", String.valueOf(id))
                .withDetail("nik=" + resident.nik().masked()));
        return visit(id);
    }

    /**
     * A registration left unfinished at this desk (the resident went, the operator moves on to the next NIK): the
     * visit closes with the state it was left in, its step ends abandoned (it did not happen), and the register says
     * so. Only a visit still at the registration desk; a repeated close changes nothing.
     */
    @Transactional
    public Visit closeUnfinished(long visitId) {
        VisitEntity visit = mine(visitId);
        if (visit.state() == VisitState.CLOSED) {
            return visit.toRecord();
        }
        if (visit.state() != VisitState.CHECKING && visit.state() != VisitState.BIOMETRIC_CHECK) {
            throw new RuleViolation("recording.error.not-at-registration", visit.toRecord().fullName());
        }
        VisitState leftIn = visit.state();
        Instant now = clock.instant();
        visit.close(now, currentActor.id());
        clocks.abandon(visitId, SopStep.C2_REGISTRATION_CHECK, now, "registration left unfinished, " + leftIn);
        auditLog.record(AuditRecord.success("recording.visit.closed", "RecordingVisit", String.valueOf(visitId))
                .withDetail("left " + leftIn + " at the registration desk"));
        return visit.toRecord();
    }

    /** The documents are not in order (or the resident sent someone): returned with the reasons; step 2 ends. */
    @Transactional
    public Visit returnDocuments(long visitId, Set<String> reasons) {
        if (reasons.isEmpty()) {
            throw new RuleViolation("recording.error.no-reason");
        }
        VisitEntity visit = mine(visitId);
        String joined = String.join(",", reasons.stream().sorted().toList());
        visit.returnDocuments(joined, clock.instant());
        clocks.leave(visitId, SopStep.C2_REGISTRATION_CHECK, clock.instant());
        auditLog.record(AuditRecord.success("recording.documents.returned", "RecordingVisit", String.valueOf(visitId))
                .withDetail(joined));
        return visit.toRecord();
    }

    /**
     * The resident came in person (no representative) and every required document is there: on to the biometric
     * check, still step 2.
     */
    @Transactional
    public Visit documentsInOrder(long visitId, Set<String> ticked, boolean inPerson) {
        if (!inPerson) {
            throw new RuleViolation("recording.error.in-person");
        }
        VisitEntity visit = mine(visitId);
        Resident resident = resident(visit.nik());
        List<String> missing = requirements.of(resident, visit.day()).stream().filter(doc -> !ticked.contains(doc))
                .toList();
        if (!missing.isEmpty()) {
            throw new RuleViolation("recording.error.documents-missing", missing.size());
        }
        visit.documentsInOrder();
        auditLog.record(AuditRecord.success("recording.documents.in-order", "RecordingVisit", String.valueOf(visitId)));
        return visit.toRecord();
    }

    /**
     * The iris/fingerprint check's result. What the population register knows decides (read now, not when the
     * resident was looked up): a recording it knows ends the visit with what to tell the resident, whatever was
     * clicked; a failed central enrolment is recorded again, so queued; only for a resident it calls "not recorded"
     * does the officer's check in the national application decide. Queued: a number for the recording desk.
     */
    @Transactional
    public Visit biometricCheck(long visitId, boolean alreadyRecorded, @Nullable Priority priority) {
        return biometricCheck(visitId, alreadyRecorded, priority, null);
    }

    /**
     * The same, after a technical fault at the desk (the iris scanner, the network, the national application): the
     * SOP lets step 2 run over its standard then, and the log says why.
     */
    @Transactional
    public Visit biometricCheck(long visitId, boolean alreadyRecorded, @Nullable Priority priority,
                                @Nullable String technicalFault) {
        VisitEntity visit = mine(visitId);
        String fault = RecordingClocks.fault(technicalFault);
        Instant now = clock.instant();
        Resident resident = resident(visit.nik());
        RecordingNeed need = RecordingNeed.of(resident.enrolmentStatus());
        boolean explain = need == RecordingNeed.ALREADY_RECORDED
                || (need == RecordingNeed.CHECK_BIOMETRICS && alreadyRecorded);
        if (explain) {
            String explanation = explanations.of(resident);
            visit.foundRecorded(explanation, now);
            clocks.leave(visitId, SopStep.C2_REGISTRATION_CHECK, now, fault);
            auditLog.record(AuditRecord.success("recording.already-recorded", "RecordingVisit",
                    String.valueOf(visitId)).withDetail(explanation));
            return visit.toRecord();
        }
        clocks.leave(visitId, SopStep.C2_REGISTRATION_CHECK, now, fault);
        // Step 3 starts when the recording desk calls the number: the waiting room is its own figure.
        // The number last: the point's counter stays locked from here to the commit, as short a time as it can.
        String ticket = queueNumbers.issue(visit, priority, now);
        auditLog.record(AuditRecord.success("recording.queued", "RecordingVisit", String.valueOf(visitId))
                .withDetail(ticket + (priority == null ? "" : "; " + priority)
                        + (fault == null ? "" : "; technical fault: " + fault)
                        + (need == RecordingNeed.RECORD_AGAIN ? "; enrolment failed, recorded again" : "")));
        return visit.toRecord();
    }

    /** As {@link #askTurnNotice(long, Channel, String, Locale)} by e-mail. */
    @Transactional
    public Visit askTurnNotice(long visitId, String email, Locale locale) {
        return askTurnNotice(visitId, Channel.EMAIL, email, locale);
    }

    /**
     * The resident of a waiting number wants to be told when {@link TurnNotices#AHEAD} numbers are ahead of theirs
     * (optional: the desk asks), by e-mail, WhatsApp or SMS ({@code contact} the address or the mobile number), in
     * their language. Already that near: told at once. WhatsApp falls back to SMS on the same phone, never to an
     * address the resident did not give.
     */
    @Transactional
    public Visit askTurnNotice(long visitId, Channel channel, String contact, Locale locale) {
        VisitEntity visit = mine(visitId);
        String address = channel == Channel.EMAIL ? Email.parse(contact).value() : PhoneNumber.parse(contact).value();
        String language = "en".equals(locale.getLanguage()) ? "en" : "id";
        visit.askTurnNotice(channel.name(), address, language);
        auditLog.record(AuditRecord.success("recording.turn-notice.asked", "RecordingVisit", String.valueOf(visitId))
                .withDetail(visit.ticket() + " by " + channel.displayName()));
        Visit asked = visits.saveAndFlush(visit).toRecord(); // the notices read the queue in SQL: the address is in it
        turnNotices.tellNear(asked.servicePoint(), asked.day());
        return asked;
    }

    /** A recording that failed comes back here with its reason; queued again, it is called first. */
    @Transactional
    public Visit requeue(long visitId) {
        VisitEntity visit = mine(visitId);
        visit.requeue(clock.instant());
        auditLog.record(AuditRecord.success("recording.requeued", "RecordingVisit", String.valueOf(visitId))
                .withDetail(visit.ticket()));
        return visit.toRecord();
    }

    /** The resident this operator was registering (a reload, a crash, a second tab): the desk reopens on them. */
    @Transactional(readOnly = true)
    public Optional<Visit> inHand() {
        return visits.atRegistration(point(), LocalDate.now(clock), currentActor.id(),
                EnumSet.of(VisitState.CHECKING, VisitState.BIOMETRIC_CHECK), Limit.of(1)).stream()
                .map(VisitEntity::toRecord).findFirst();
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

    /** The visits sent back by the recording desk today, waiting to be queued again. */
    @Transactional(readOnly = true)
    public List<Visit> sentBack() {
        return visits.inState(point(), LocalDate.now(clock), VisitState.SENT_BACK, Limit.of(500)).stream()
                .map(VisitEntity::toRecord).toList();
    }

    /** Today's register of the point (BHPPK), in the order the visits began. */
    @Transactional(readOnly = true)
    public List<Visit> today() {
        return visits.findByServicePointAndDayOrderById(point(), LocalDate.now(clock)).stream()
                .map(VisitEntity::toRecord).toList();
    }

    private Resident resident(String rawNik) {
        Nik nik = Nik.of(rawNik == null ? "" : rawNik.strip());
        return registry.findByNik(nik).orElseThrow(() -> new RuleViolation("population.nik.unknown", nik.masked()));
    }

    /** The resident's visit of the day that is not over, if any. */
    private Optional<Visit> openVisit(LocalDate today, String nik) {
        return visits.ofResident(point(), today, nik, VisitTransition.open(), Limit.of(1)).stream()
                .map(VisitEntity::toRecord).findFirst();
    }

    /**
     * A visit of this desk's point, locked to change it (the recording desk may be at it too); none while the point's
     * day is out at an outpost.
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

    private Visit visit(long visitId) {
        return visits.findById(visitId).map(VisitEntity::toRecord)
                .orElseThrow(() -> new RuleViolation("recording.error.not-found", visitId));
    }

    private String point() {
        return currentActor.servicePoint();
    }
}

package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.schoolvisit.internal.HandoverEntity;
import id.dukcapil.portal.schoolvisit.internal.HandoverRepository;
import id.dukcapil.portal.schoolvisit.internal.SchoolRepository;
import id.dukcapil.portal.schoolvisit.internal.StudentEntity;
import id.dukcapil.portal.schoolvisit.internal.StudentRepository;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.signing.DocumentId;
import id.dukcapil.portal.signing.SigningQueue;
import id.dukcapil.portal.signing.SigningRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SOP D step 8: the printed cards handed over to the school collectively. A handover record (Berita Acara Serah
 * Terima) lists the cards printed and not yet handed over and goes to the Kepala Dinas's signing queue; the school's
 * receiver signs for the cards and their receipt is recorded. Step 8's clock runs from the signature to the
 * receipt: the seed has no Kepala Dinas, so the signing is timed apart, from the record's preparation to its
 * signature (decision 126). A record stays listed as open until its school's receipt is recorded.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.FIELD_OFFICER + "','" + Roles.PRINT_OPERATOR + "','" + Roles.PLANNER + "')")
public class Handovers {

    /** The most open records a screen lists; more would mean the receipts are not being recorded at all. */
    public static final int OPEN_MAX = 200;

    private final HandoverRepository handovers;
    private final StudentRepository students;
    private final SchoolRepository schools;
    private final SigningQueue signingQueue;
    private final SchoolVisitClocks clocks;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final VisitsOut visitsOut;

    Handovers(HandoverRepository handovers, StudentRepository students, SchoolRepository schools, SigningQueue signingQueue,
              SchoolVisitClocks clocks, AuditLog auditLog, CurrentActor currentActor, Clock clock,
              VisitsOut visitsOut) {
        this.visitsOut = visitsOut;
        this.signingQueue = signingQueue;
        this.handovers = handovers;
        this.students = students;
        this.schools = schools;
        this.clocks = clocks;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** A handover record of the school's printed cards not yet on one; refused when there is none. Step 8 begins. */
    @Transactional
    public Handover prepare(long schoolId) {
        School school = schools.find(schoolId).orElseThrow(() -> new RuleViolation("schoolvisit.error.school-not-found"));
        // The school's printed cards of a visit out at an outpost are the outpost's to list (issue 53).
        visitsOut.refuseIfSchoolOut(schoolId);
        List<StudentEntity> cards = students
                .findBySchoolIdAndStateAndHandoverIdIsNullOrderByClassNameAscFullNameAscIdAsc(schoolId,
                        StudentState.PRINTED);
        if (cards.isEmpty()) {
            throw new RuleViolation("schoolvisit.error.nothing-to-hand-over", school.name());
        }
        Instant now = clock.instant();
        // The number is made from the id, so it is written after the insert with a placeholder first.
        String provisional = "BAST-" + school.npsn() + "-" + now.toEpochMilli();
        HandoverEntity record = handovers.saveAndFlush(new HandoverEntity(schoolId, provisional, cards.size(),
                currentActor.id(), now));
        long id = record.id();
        // The cards were read locked: none is listed on another record meanwhile.
        cards.forEach(card -> card.listOn(id));
        int listed = cards.size();
        record.numbered(number(school, LocalDate.ofInstant(now, clock.getZone()), id));
        Handover prepared = find(id);
        DocumentId document = signingQueue.submit(new SigningRequest(HandoverDocuments.SOURCE_TYPE,
                String.valueOf(id), HandoverDocuments.KIND, HandoverDocuments.PREFIX, prepared.number(), school.name(),
                school.npsn(), now.plus(Duration.ofDays(1))));
        record.inSigning(document.value());
        auditLog.record(AuditRecord.success("schoolvisit.handover.prepared", "SchoolHandover", String.valueOf(id))
                .withDetail(school.npsn() + "; cards=" + listed));
        return find(id);
    }

    /** The school's receiver signed for the cards: they are handed over, step 8 ends. Recorded once. */
    @Transactional
    public Handover received(long handoverId, String receiverName) {
        Handover handover = find(handoverId);
        String receiver = receiverName == null ? "" : receiverName.strip();
        if (receiver.isEmpty() || receiver.length() > Handover.RECEIVER_MAX_LENGTH) {
            throw new RuleViolation("schoolvisit.error.receiver", Handover.RECEIVER_MAX_LENGTH);
        }
        if (handover.received()) {
            return handover;
        }
        Instant now = clock.instant();
        // Refused in words if the record is not signed yet (the school signs against the record the Kepala Dinas
        // signed); the version refuses a second receipt saved meanwhile.
        HandoverEntity record = handovers.findById(handoverId).orElseThrow();
        record.received(receiver, now);
        try {
            handovers.saveAndFlush(record);
        } catch (OptimisticLockingFailureException receivedMeanwhile) {
            throw new RuleViolation("schoolvisit.error.handover-received", handover.number());
        }
        for (StudentEntity card : students.findByHandoverIdOrderByClassNameAscFullNameAscIdAsc(handoverId)) {
            card.handedOver();
        }
        var caseRef = SchoolVisitClocks.handover(handoverId);
        if (!clocks.leaveIfOpen(caseRef, SopStep.D8_HANDOVER, now)) {
            // Signed before step 8 was timed from the signature: the step runs from it.
            String point = schools.find(handover.schoolId()).map(School::servicePoint).orElse(null);
            clocks.enterAs(caseRef, SopStep.D8_HANDOVER, handover.signedAt(), currentActor.id(), point);
            clocks.leave(caseRef, SopStep.D8_HANDOVER, now);
        }
        auditLog.record(AuditRecord.success("schoolvisit.handover.received", "SchoolHandover",
                String.valueOf(handoverId)).withDetail(handover.number() + "; receiver=" + receiver));
        return find(handoverId);
    }

    @Transactional(readOnly = true)
    public Handover find(long handoverId) {
        return handovers.findById(handoverId).map(record -> record.toRecord(students.onHandover(handoverId)))
                .orElseThrow(() -> new RuleViolation("schoolvisit.error.handover-not-found"));
    }

    /** The records not yet received, oldest first: what step 8 still waits for (a signature or a receipt). */
    @Transactional(readOnly = true)
    public List<OpenHandover> open() {
        return handovers.open(null, Limit.of(OPEN_MAX));
    }

    @Transactional(readOnly = true)
    public List<OpenHandover> openOf(long schoolId) {
        return handovers.open(schoolId, Limit.of(OPEN_MAX));
    }

    @Transactional(readOnly = true)
    public List<Handover> ofSchool(long schoolId) {
        return handovers.ofSchool(schoolId).stream().map(this::find).toList();
    }

    private static String number(School school, LocalDate day, long id) {
        return "BAST/%s/%d/%05d".formatted(school.npsn(), day.getYear(), id);
    }
}

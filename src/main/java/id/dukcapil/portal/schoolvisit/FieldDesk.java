package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataViews;
import id.dukcapil.portal.population.CardPrintReason;
import id.dukcapil.portal.population.ChangeReason;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.population.ResidentCorrection;
import id.dukcapil.portal.schoolvisit.internal.StudentEntity;
import id.dukcapil.portal.schoolvisit.internal.StudentRepository;
import id.dukcapil.portal.schoolvisit.internal.StudentTransition;
import id.dukcapil.portal.schoolvisit.internal.SchoolVisitEntity;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SOP D steps 3–7 at the school, for the visit's team (the visit itself is {@link VisitDesk}'s): per student the
 * recording status, the registry against the birth certificate (a reasoned, audited correction where it differs), the
 * recording, and the card printed on site for a student 17 on the day. Every action is saved at once and a repeated
 * one (a retry after a lost connection) finds it done and changes nothing (decision 096).
 */
@Service
@PreAuthorize(FieldDesk.TEAM)
public class FieldDesk {

    static final String TEAM = "hasAnyRole('" + Roles.FIELD_OFFICER + "','" + Roles.OPERATOR + "','"
            + Roles.RECORDING_OPERATOR + "','" + Roles.PRINT_OPERATOR + "')";
    public static final int ROSTER_MAX = 2_000;
    public static final int RECORDING_FAILURE_MAX_LENGTH = 300;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final TeamVisits team;
    private final StudentRepository students;
    private final PopulationRegistry registry;
    private final SchoolVisitClocks clocks;
    private final CardsPrintedBefore printedBefore;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final PersonalDataViews personalData;
    private final Clock clock;

    FieldDesk(TeamVisits team, StudentRepository students, PopulationRegistry registry,
              SchoolVisitClocks clocks, CardsPrintedBefore printedBefore, AuditLog auditLog,
              CurrentActor currentActor, PersonalDataViews personalData, Clock clock) {
        this.personalData = personalData;
        this.printedBefore = printedBefore;
        this.team = team;
        this.students = students;
        this.registry = registry;
        this.clocks = clocks;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** The school's roster as the field screen lists it. */
    @Transactional(readOnly = true)
    public List<Student> roster(long visitId) {
        return students.roster(team.mine(visitId).schoolId(), ROSTER_MAX);
    }

    @Transactional(readOnly = true)
    public FieldStudent student(long visitId, long studentId) {
        SchoolVisit visit = team.mine(visitId);
        return field(visit, ofVisit(visit, studentId));
    }

    /** The step the student is in now, its clock against the standard on the field screen (issue 54). */
    @Transactional(readOnly = true)
    public Optional<StepRecord> step(long studentId) {
        return clocks.open(SchoolVisitClocks.student(studentId));
    }

    /**
     * The student this officer was in the middle of at the visit (a reload, a lost connection, a second tablet): of
     * the students between field steps, the one whose current step they entered last. The field screen reopens on
     * them.
     */
    @Transactional(readOnly = true)
    public Optional<FieldStudent> inHand(long visitId) {
        SchoolVisit visit = team.mine(visitId);
        Instant latest = null;
        Student inHand = null;
        for (Student student : students.roster(visit.schoolId(), ROSTER_MAX)) {
            if (student.state() != StudentState.ON_ROSTER || student.fieldStep() == null
                    || !Long.valueOf(visitId).equals(student.visitId())) {
                continue;
            }
            Instant entered = clocks.enteredByMe(SchoolVisitClocks.student(student.id())).orElse(null);
            if (entered != null && (latest == null || entered.isAfter(latest))) {
                latest = entered;
                inHand = student;
            }
        }
        return Optional.ofNullable(inHand).map(student -> field(visit, student));
    }

    /**
     * Step 3 begins for a student: the officer looks at their recording status. SOP D records from 16 on the day of
     * the visit, as the registry has the birth date now: the roster was checked against the day chosen at its import,
     * which need not be the day the team came.
     */
    @Transactional
    public FieldStudent begin(long visitId, long studentId) {
        SchoolVisit visit = team.underway(visitId);
        Student student = ofVisit(visit, studentId);
        if (student.state() == StudentState.ON_ROSTER && student.fieldStep() == null) {
            sixteenOnVisitDay(visit, resident(student));
        }
        if (student.state() == StudentState.ON_ROSTER && student.fieldStep() == null
                && students.changeIf(studentId, StudentTransition.BEGIN, begun -> begun.begin(visitId))) {
            clocks.enter(SchoolVisitClocks.student(studentId), SopStep.D3_RECORDING_STATUS, clock.instant(),
                    visit.servicePoint());
            audit("schoolvisit.student.begun", student);
        }
        return student(visitId, studentId);
    }

    /**
     * Step 3's finding: recorded before → straight onto the print list; never recorded → on to the registry check
     * (step 4).
     */
    @Transactional
    public FieldStudent statusChecked(long visitId, long studentId) {
        SchoolVisit visit = team.underway(visitId);
        Student student = ofVisit(visit, studentId);
        if (student.fieldStep() != FieldStep.STATUS) {
            return student(visitId, studentId);
        }
        if (printedBefore.endIfPrinted(student, SopStep.D3_RECORDING_STATUS)) {
            return student(visitId, studentId);
        }
        Resident resident = resident(student);
        Instant now = clock.instant();
        if (resident.enrolmentStatus() == EnrolmentStatus.DUPLICATE_RECORD) {
            // Settled centrally, never printed: SOP D ends here for the student, and says why.
            if (students.changeIf(studentId, StudentTransition.ENDED_AT_VISIT,
                    seen -> seen.endAtVisit(EndReason.DUPLICATE_RECORD, currentActor.id(), now))) {
                clocks.leave(SchoolVisitClocks.student(studentId), SopStep.D3_RECORDING_STATUS, now);
                audit("schoolvisit.student.ended", student);
            }
        } else if (FieldStudent.recordedBefore(resident.enrolmentStatus())) {
            if (students.changeIf(studentId, StudentTransition.FOUND_RECORDED,
                    seen -> seen.foundRecorded(currentActor.id(), now))) {
                clocks.leave(SchoolVisitClocks.student(studentId), SopStep.D3_RECORDING_STATUS, now);
                toPrint(visit, student, now);
                audit("schoolvisit.student.already-recorded", student);
            }
        } else if (students.changeIf(studentId, StudentTransition.NOT_RECORDED, StudentEntity::notRecorded)) {
            clocks.move(SchoolVisitClocks.student(studentId), SopStep.D3_RECORDING_STATUS, SopStep.D4_SIAK_CHECK, now,
                    visit.servicePoint());
            audit("schoolvisit.student.not-recorded", student);
        }
        return student(visitId, studentId);
    }

    /** Step 4: the registry agrees with the birth certificate; on to the recording (step 6). */
    @Transactional
    public FieldStudent registryMatches(long visitId, long studentId) {
        return advance(visitId, studentId, StudentTransition.REGISTRY_MATCHES, StudentEntity::registryMatches,
                SopStep.D4_SIAK_CHECK,
                SopStep.D6_RECORDING, "schoolvisit.student.registry-matches");
    }

    /** Step 4's other finding: the registry differs from the birth certificate; step 5, its correction, begins. */
    @Transactional
    public FieldStudent registryDiffers(long visitId, long studentId) {
        return advance(visitId, studentId, StudentTransition.REGISTRY_DIFFERS, StudentEntity::registryDiffers,
                SopStep.D4_SIAK_CHECK,
                SopStep.D5_SIAK_UPDATE, "schoolvisit.student.registry-differs");
    }

    /**
     * A student moved on from one field step to the next: the step's clock moves and the action is audited once,
     * however often a retried tap arrives (the store moves only a student still at {@code from}).
     */
    private FieldStudent advance(long visitId, long studentId, StudentTransition transition,
                                 Consumer<StudentEntity> change, SopStep ending, SopStep starting, String action) {
        SchoolVisit visit = team.underway(visitId);
        Student student = ofVisit(visit, studentId);
        if (students.changeIf(studentId, transition, change)) {
            clocks.move(SchoolVisitClocks.student(studentId), ending, starting, clock.instant(), visit.servicePoint());
            audit(action, student);
        }
        return student(visitId, studentId);
    }

    /**
     * Step 5: the registry corrected from the birth certificate with the officer's reason, audited with before and
     * after by the registry; then on to the recording.
     */
    @Transactional
    public FieldStudent correct(long visitId, long studentId, BirthCertificate certificate, String note) {
        SchoolVisit visit = team.underway(visitId);
        Student student = ofVisit(visit, studentId);
        if (student.fieldStep() != FieldStep.UPDATE) {
            return student(visitId, studentId);
        }
        String reason = note == null ? "" : note.strip();
        if (reason.isEmpty() || reason.length() > BirthCertificate.NOTE_MAX_LENGTH) {
            throw new RuleViolation("schoolvisit.error.correction-note", BirthCertificate.NOTE_MAX_LENGTH);
        }
        Resident before = resident(student);
        ResidentCorrection correction = certificate.correctionOf(before);
        if (correction.equals(ResidentCorrection.none())) {
            throw new RuleViolation("schoolvisit.error.correction-none");
        }
        if (!students.load(studentId).can(StudentTransition.CORRECTED)) {
            return student(visitId, studentId);
        }
        Resident after = registry.correct(before.nik(), correction, ChangeReason.BIRTH_CERTIFICATE,
                "SOP D " + TeamVisits.reference(visitId) + ": " + reason);
        students.changeIf(studentId, StudentTransition.CORRECTED,
                corrected -> corrected.corrected(after.birthDate(), after.fullName()));
        clocks.move(SchoolVisitClocks.student(studentId), SopStep.D5_SIAK_UPDATE, SopStep.D6_RECORDING,
                clock.instant(), visit.servicePoint());
        audit("schoolvisit.student.corrected", student);
        return student(visitId, studentId);
    }

    /**
     * Step 6's outcome: photo, signature, fingerprints and iris recorded and sent to the central enrolment. The
     * student waits for printing — on site if 17 today (step 7 begins), else on the 17th birthday.
     */
    @Transactional
    public FieldStudent recorded(long visitId, long studentId) {
        SchoolVisit visit = team.underway(visitId);
        Student student = ofVisit(visit, studentId);
        if (student.state() != StudentState.ON_ROSTER || student.fieldStep() != FieldStep.RECORDING) {
            return student(visitId, studentId);
        }
        // A correction from the birth certificate (step 5) may have moved the birth date below the age.
        sixteenOnVisitDay(visit, resident(student));
        Instant now = clock.instant();
        if (!students.changeIf(studentId, StudentTransition.RECORDED,
                seen -> seen.recorded(currentActor.id(), now))) {
            return student(visitId, studentId);
        }
        Nik nik = Nik.of(student.nik());
        registry.changeEnrolmentStatus(nik, EnrolmentStatus.BIOMETRICS_CAPTURED, "SOP D: " + TeamVisits.reference(visitId));
        registry.changeEnrolmentStatus(nik, EnrolmentStatus.SENT_FOR_ENROLMENT, "SOP D: " + TeamVisits.reference(visitId));
        clocks.leave(SchoolVisitClocks.student(studentId), SopStep.D6_RECORDING, now);
        toPrint(visit, student, now);
        audit("schoolvisit.student.recorded", student);
        return student(visitId, studentId);
    }

    /**
     * Step 6 failed for a technical reason (a device, the network, the national application down): the attempt's
     * overrun is excused with the reason, as the SOP allows, and the student stays to be recorded again — a new
     * attempt of step 6 is timed from now.
     */
    @Transactional
    public FieldStudent recordingFailed(long visitId, long studentId, String reason) {
        SchoolVisit visit = team.underway(visitId);
        Student student = ofVisit(visit, studentId);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > RECORDING_FAILURE_MAX_LENGTH) {
            throw new RuleViolation("schoolvisit.error.failure-reason", RECORDING_FAILURE_MAX_LENGTH);
        }
        if (student.state() != StudentState.ON_ROSTER || student.fieldStep() != FieldStep.RECORDING) {
            throw new RuleViolation("schoolvisit.error.not-recording", student.fullName());
        }
        Instant now = clock.instant();
        var caseRef = SchoolVisitClocks.student(studentId);
        clocks.leaveExcused(caseRef, SopStep.D6_RECORDING, now, "technical failure: " + why);
        clocks.enter(caseRef, SopStep.D6_RECORDING, now, visit.servicePoint());
        auditLog.record(AuditRecord.success("schoolvisit.student.recording-failed", "SchoolStudent",
                String.valueOf(studentId)).withDetail("nik=" + Nik.of(student.nik()).masked() + "; " + why));
        return student(visitId, studentId);
    }

    /** Step 7 on site: a card printed from the visit's blank cards for a student 17 on the day. */
    @Transactional
    public FieldStudent printOnSite(long visitId, long studentId) {
        SchoolVisit visit = team.underway(visitId);
        Student student = ofVisit(visit, studentId);
        if (student.state() != StudentState.WAITING
                || printedBefore.endIfPrinted(student, SopStep.D7_PRINT)) {
            return student(visitId, studentId);
        }
        Resident resident = resident(student);
        Eligibility.schoolCardPrinting(resident.birthDate(), resident.enrolmentStatus(), visit.day()).orThrow();
        SchoolVisitEntity printingAt = team.toChange(visitId);
        printingAt.useCard();
        team.change(printingAt);
        Instant now = clock.instant();
        // Refused in words unless the student still waits for printing as read.
        StudentEntity printing = students.load(studentId);
        printing.printed(currentActor.id(), now);
        students.change(printing);
        registry.recordCardPrint(resident.nik(), visit.servicePoint(), CardPrintReason.FIRST);
        var caseRef = SchoolVisitClocks.student(studentId);
        if (!clocks.leaveIfOpen(caseRef, SopStep.D7_PRINT, now)) {
            clocks.enter(caseRef, SopStep.D7_PRINT, now, visit.servicePoint());
            clocks.leave(caseRef, SopStep.D7_PRINT, now);
        }
        audit("schoolvisit.student.printed-on-site", student);
        return student(visitId, studentId);
    }

    /**
     * Step 7 begins when the card can be printed (issue 54): for a student 17 on the visit's day whose record is
     * print-ready already. A recording sent to the central enrolment waits for its answer, untimed: the answer
     * ({@link EnrolmentAnswers#printReady}) or the print itself begins the step.
     */
    private void toPrint(SchoolVisit visit, Student student, Instant now) {
        Resident resident = resident(student);
        if (Eligibility.schoolCardPrinting(resident.birthDate(), resident.enrolmentStatus(), visit.day()).eligible()) {
            clocks.enter(SchoolVisitClocks.student(student.id()), SopStep.D7_PRINT, now, visit.servicePoint());
        }
    }

    /** The student as the field screen shows them: recorded as seen here, so no screen can forget it (issue 50). */
    private FieldStudent field(SchoolVisit visit, Student student) {
        Resident resident = resident(student);
        personalData.viewed("lapangan", PersonalData.of(resident.nik()));
        return new FieldStudent(student, resident, registry.cardHistory(resident.nik()),
                student.seventeenOn(visit.day()),
                Eligibility.schoolRecording(resident.birthDate(), visit.day()).eligible());
    }

    private static void sixteenOnVisitDay(SchoolVisit visit, Resident resident) {
        if (!Eligibility.schoolRecording(resident.birthDate(), visit.day()).eligible()) {
            throw new RuleViolation("schoolvisit.error.under-16-on-visit-day", DAY.format(visit.day()),
                    DAY.format(Eligibility.birthday(resident.birthDate(), Eligibility.SCHOOL_RECORDING_AGE)));
        }
    }

    private Resident resident(Student student) {
        return registry.findByNik(Nik.of(student.nik()))
                .orElseThrow(() -> new RuleViolation("population.nik.unknown", Nik.of(student.nik()).masked()));
    }

    private Student ofVisit(SchoolVisit visit, long studentId) {
        return students.find(studentId).filter(student -> student.schoolId() == visit.schoolId())
                .orElseThrow(() -> new RuleViolation("schoolvisit.error.student-not-found"));
    }

    private void audit(String action, Student student) {
        auditLog.record(AuditRecord.success(action, "SchoolStudent", String.valueOf(student.id()))
                .withDetail("nik=" + Nik.of(student.nik()).masked()));
    }
}

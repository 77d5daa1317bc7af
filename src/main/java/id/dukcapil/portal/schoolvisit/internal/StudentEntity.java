package id.dukcapil.portal.schoolvisit.internal;

import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.schoolvisit.EndReason;
import id.dukcapil.portal.schoolvisit.FieldStep;
import id.dukcapil.portal.schoolvisit.Student;
import id.dukcapil.portal.schoolvisit.StudentState;
import id.dukcapil.portal.shared.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A student of a school's roster and where SOP D stands for them. Each change of state is one method here, applying
 * its row of {@link StudentTransition} and refusing in words a change the student's state does not allow; no other
 * code writes the state. {@code version} makes each write conditional on the student as read: of two officers on one
 * student, the second is refused ({@link StudentRepository#change}), never overwrites the first. Rows come in by the
 * roster import's batched statement ({@link StudentSql#upsert}).
 */
@Entity
@Table(name = "schoolvisit_student")
public class StudentEntity {

    /** Step 3's finding as stored ({@code checked_status}). */
    enum Checked { ALREADY_RECORDED, NOT_RECORDED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private long schoolId;
    private String nik;
    private String fullName;
    private LocalDate birthDate;
    @Column(name = "turns_17_on")
    private LocalDate turns17On;
    private String className;
    @Enumerated(EnumType.STRING)
    private StudentState state;
    @Enumerated(EnumType.STRING)
    private @Nullable FieldStep fieldStep;
    @Enumerated(EnumType.STRING)
    private @Nullable Checked checkedStatus;
    private boolean corrected;
    private @Nullable Long visitId;
    private @Nullable Instant recordedAt;
    private @Nullable String recordedBy;
    private @Nullable Instant printedAt;
    private @Nullable String printedBy;
    private @Nullable Long handoverId;
    private Instant importedAt;
    @Enumerated(EnumType.STRING)
    private @Nullable EndReason endReason;
    @Version
    private int version;

    protected StudentEntity() {
        this.nik = "";
        this.fullName = "";
        this.birthDate = LocalDate.EPOCH;
        this.turns17On = LocalDate.EPOCH;
        this.className = "";
        this.state = StudentState.ON_ROSTER;
        this.importedAt = Instant.EPOCH;
    }

    /** A student of a school's roster, not yet seen by a field team. */
    public StudentEntity(long schoolId, String nik, String fullName, LocalDate birthDate, String className,
                         Instant importedAt) {
        this();
        this.schoolId = schoolId;
        this.nik = nik;
        this.fullName = fullName;
        this.birthDate = birthDate;
        this.turns17On = seventeenth(birthDate);
        this.className = className;
        this.importedAt = importedAt;
    }

    /** Whether the student's state and field step allow the change: a retried tap asks before it changes. */
    public boolean can(StudentTransition transition) {
        return transition.allowedFrom(state, fieldStep);
    }

    /** Step 3 begins for the student at the visit. */
    public void begin(long visitId) {
        apply(StudentTransition.BEGIN);
        this.visitId = visitId;
    }

    /** Step 3's finding: never recorded; on to the registry check. */
    public void notRecorded() {
        apply(StudentTransition.NOT_RECORDED);
    }

    /** Step 3's finding: recorded before the visit; straight onto the print list. */
    public void foundRecorded(String by, Instant at) {
        apply(StudentTransition.FOUND_RECORDED);
        seen(Checked.ALREADY_RECORDED, by, at);
    }

    /** Step 4: the registry agrees with the birth certificate. */
    public void registryMatches() {
        apply(StudentTransition.REGISTRY_MATCHES);
    }

    /** Step 4: the registry differs from the birth certificate. */
    public void registryDiffers() {
        apply(StudentTransition.REGISTRY_DIFFERS);
    }

    /** Step 5: the registry corrected; the student's data as the registry has it now, and the day they turn 17. */
    public void corrected(LocalDate birthDate, String fullName) {
        apply(StudentTransition.CORRECTED);
        this.corrected = true;
        this.birthDate = birthDate;
        this.turns17On = seventeenth(birthDate);
        this.fullName = fullName;
    }

    /** Step 6: recorded at the visit; the card waits for printing. */
    public void recorded(String by, Instant at) {
        apply(StudentTransition.RECORDED);
        seen(Checked.NOT_RECORDED, by, at);
    }

    /**
     * SOP D ends at the visit for the student without a card from it (on the roster, at any field step): found at step
     * 3, the finding is kept as for a student recorded before, seen at this visit.
     */
    public void endAtVisit(EndReason reason, String by, Instant at) {
        apply(StudentTransition.ENDED_AT_VISIT);
        seen(Checked.ALREADY_RECORDED, by, at);
        this.endReason = reason;
    }

    /** SOP D ends without a card from it for a student waiting for printing. */
    public void endWaiting(EndReason reason) {
        apply(StudentTransition.ENDED_WAITING);
        this.endReason = reason;
    }

    /** Step 7: the card printed. */
    public void printed(String by, Instant at) {
        apply(StudentTransition.PRINT);
        this.printedBy = by;
        this.printedAt = at;
    }

    /** The printed card listed on a handover record; a card on one record is on no other. */
    public void listOn(long handoverId) {
        // The state's refusal first (a card handed over is refused as such); then a printed card on another record.
        if (can(StudentTransition.LIST_ON_HANDOVER) && this.handoverId != null) {
            throw new RuleViolation("schoolvisit.transition.LIST_ON_HANDOVER.listed", fullName);
        }
        apply(StudentTransition.LIST_ON_HANDOVER);
        this.handoverId = handoverId;
    }

    /** Step 8: the school received the record the card is on. */
    public void handedOver() {
        apply(StudentTransition.HAND_OVER);
    }

    private void apply(StudentTransition transition) {
        if (!can(transition)) {
            throw new RuleViolation(java.util.List.of(transition.refusalKey(), standsKey()), fullName);
        }
        this.state = transition.to();
        this.fieldStep = transition.toStep();
    }

    private void seen(Checked finding, String by, Instant at) {
        this.checkedStatus = finding;
        this.recordedBy = by;
        this.recordedAt = at;
    }

    /** Where the student stands, said after a refused change's own words. */
    private String standsKey() {
        return fieldStep == null ? "schoolvisit.stands." + state.name() : "schoolvisit.stands.field." + fieldStep.name();
    }

    private static LocalDate seventeenth(LocalDate birthDate) {
        return Eligibility.birthday(birthDate, Eligibility.KTP_AGE);
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("Not saved yet");
        }
        return id;
    }

    public StudentState state() {
        return state;
    }

    public @Nullable FieldStep fieldStep() {
        return fieldStep;
    }

    public String fullName() {
        return fullName;
    }

    public Student toRecord() {
        return new Student(id(), schoolId, nik, fullName, birthDate, className, state, fieldStep,
                checkedStatus == null ? null : checkedStatus == Checked.ALREADY_RECORDED, corrected, visitId,
                recordedAt, printedAt, handoverId, endReason);
    }
}

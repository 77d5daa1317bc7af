package id.dukcapil.portal.outpost.internal;

import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.schoolvisit.FieldStep;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Kind;
import id.dukcapil.portal.schoolvisit.OutpostPackage;
import id.dukcapil.portal.schoolvisit.StudentState;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/**
 * A student of a taken visit's roster ({@code outpost_student}): as the Dinas packed them, and what the team did
 * with them here. Changed under its {@code @Version}: two tablets on one student never both win.
 */
@Entity
@Table(name = "outpost_student")
public class TakenStudentEntity implements Persistable<TakenStudentEntity.Key> {

    /** A student of one checkout. */
    @Embeddable
    public record Key(long checkoutId, long studentId) {
    }

    @EmbeddedId
    private Key key;
    private String nikSealed;
    private String fullNameSealed;
    private String birthDateSealed;
    private String className;
    @Enumerated(EnumType.STRING)
    private StudentState state;
    @Enumerated(EnumType.STRING)
    private @Nullable FieldStep fieldStep;
    @Enumerated(EnumType.STRING)
    private @Nullable EnrolmentStatus enrolmentStatus;
    private int cardsPrinted;
    @Enumerated(EnumType.STRING)
    private @Nullable Kind outcome;
    private @Nullable String cardSerial;
    @Version
    @Column(nullable = false)
    private int version;
    private transient boolean fresh;

    protected TakenStudentEntity() {
        this.key = new Key(0, 0);
        this.nikSealed = "";
        this.fullNameSealed = "";
        this.birthDateSealed = "";
        this.className = "";
        this.state = StudentState.ON_ROSTER;
    }

    /** The student as packed, their NIK, name and birth date sealed with the outpost's data key. */
    public TakenStudentEntity(long checkoutId, OutpostPackage.Packed packed, DataKey vault) {
        this.key = new Key(checkoutId, packed.studentId());
        this.nikSealed = vault.seal(packed.nik(), context("nik"));
        this.fullNameSealed = vault.seal(packed.fullName(), context("full_name"));
        this.birthDateSealed = vault.seal(packed.birthDate().toString(), context("birth_date"));
        this.className = packed.className();
        this.state = packed.state();
        this.fieldStep = packed.fieldStep();
        this.enrolmentStatus = packed.enrolmentStatus();
        this.cardsPrinted = packed.cardsPrinted();
        this.fresh = true;
    }

    @Override
    public Key getId() {
        return key;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    /** What the team did: recorded, found recorded, absent or refused. */
    public void outcome(Kind kind) {
        this.outcome = kind;
    }

    /**
     * Corrected here from the birth certificate (SOP D step 5): the roster shows the name and birth date it states
     * (a field it leaves out stays as packed), sealed as before.
     */
    public void corrected(@Nullable String fullName, @Nullable LocalDate birthDate, DataKey vault) {
        this.outcome = Kind.CORRECTED;
        if (fullName != null) {
            this.fullNameSealed = vault.seal(fullName, context("full_name"));
        }
        if (birthDate != null) {
            this.birthDateSealed = vault.seal(birthDate.toString(), context("birth_date"));
        }
    }

    public void printed(String serial) {
        this.cardSerial = serial;
    }

    public long studentId() {
        return key.studentId();
    }

    public String nik(DataKey vault) {
        return vault.open(nikSealed, context("nik"));
    }

    public String fullName(DataKey vault) {
        return vault.open(fullNameSealed, context("full_name"));
    }

    public LocalDate birthDate(DataKey vault) {
        return LocalDate.parse(vault.open(birthDateSealed, context("birth_date")));
    }

    /** Where a sealed value is kept: its column and row. */
    private String context(String column) {
        return "outpost_student." + column + ":" + key.checkoutId() + ":" + key.studentId();
    }

    public String className() {
        return className;
    }

    public StudentState state() {
        return state;
    }

    public @Nullable FieldStep fieldStep() {
        return fieldStep;
    }

    public @Nullable EnrolmentStatus enrolmentStatus() {
        return enrolmentStatus;
    }

    public int cardsPrinted() {
        return cardsPrinted;
    }

    public @Nullable Kind outcome() {
        return outcome;
    }

    public @Nullable String cardSerial() {
        return cardSerial;
    }
}

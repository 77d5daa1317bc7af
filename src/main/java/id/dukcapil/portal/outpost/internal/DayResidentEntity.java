package id.dukcapil.portal.outpost.internal;

import id.dukcapil.portal.population.EnrolmentStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A resident of the kecamatan as the day was taken ({@code outpost_day_resident}): what the desks need of them sealed
 * with the outpost's data key, bound to the day and the NIK's keyed hash they are found by.
 */
@Entity
@Table(name = "outpost_day_resident")
public class DayResidentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private long checkoutId;
    private String nikIndex;
    private String sealed;
    @Enumerated(EnumType.STRING)
    private EnrolmentStatus enrolmentStatus;
    @Version
    @Column(nullable = false)
    private int version;

    protected DayResidentEntity() {
        this.nikIndex = "";
        this.sealed = "";
        this.enrolmentStatus = EnrolmentStatus.NOT_RECORDED;
    }

    /** @param plain what the desks need of the resident, in the words the outpost keeps them */
    public DayResidentEntity(long checkoutId, String nikIndex, String plain, EnrolmentStatus status, DataKey vault) {
        this.checkoutId = checkoutId;
        this.nikIndex = nikIndex;
        this.sealed = vault.seal(plain, context(checkoutId, nikIndex));
        this.enrolmentStatus = status;
    }

    /** What the desks need of the resident, opened with the data key. */
    public String opened(DataKey vault) {
        return vault.open(sealed, context(checkoutId, nikIndex));
    }

    /** Recorded here: the register's record moves on when the Dinas takes the day (it waits for the centre). */
    public void recordedHere() {
        this.enrolmentStatus = EnrolmentStatus.BIOMETRICS_CAPTURED;
    }

    private static String context(long checkoutId, String nikIndex) {
        return "outpost_day_resident.sealed:" + checkoutId + ":" + nikIndex;
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("Not saved yet");
        }
        return id;
    }

    public EnrolmentStatus enrolmentStatus() {
        return enrolmentStatus;
    }
}

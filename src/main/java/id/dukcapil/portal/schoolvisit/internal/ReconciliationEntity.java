package id.dukcapil.portal.schoolvisit.internal;

import id.dukcapil.portal.shared.RuleViolation;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An outpost's operation on a student the Dinas changed meanwhile: not applied, so nothing at the Dinas is
 * overwritten; both versions wait for a supervisor, who settles it once (the Dinas's kept, or the outpost's applied).
 */
@Entity
@Table(name = "schoolvisit_reconciliation")
public class ReconciliationEntity {

    /** How a supervisor settled the row. */
    public enum Settlement {
        /** The Dinas's version kept: the outpost's operation dropped, with the reason. */
        DINAS,
        /** The outpost's operation applied after all. */
        OUTPOST
    }

    public static final int REASON_MAX_LENGTH = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private String operationId;
    private long checkoutId;
    private long studentId;
    private String outpostVersion;
    private String dinasVersion;
    private @Nullable String staff;
    private @Nullable String cardSerial;
    private @Nullable String correction;
    @Enumerated(EnumType.STRING)
    private @Nullable Settlement settlement;
    private @Nullable String settledBy;
    private @Nullable String settleReason;
    private @Nullable Instant settledAt;
    @Version
    private long version;

    protected ReconciliationEntity() {
        this.operationId = "";
        this.outpostVersion = "";
        this.dinasVersion = "";
    }

    public ReconciliationEntity(String operationId, long checkoutId, long studentId, String outpostVersion,
                                String dinasVersion, String staff, @Nullable String cardSerial,
                                @Nullable String correction) {
        this.operationId = operationId;
        this.checkoutId = checkoutId;
        this.studentId = studentId;
        this.outpostVersion = outpostVersion;
        this.dinasVersion = dinasVersion;
        this.staff = staff;
        this.cardSerial = cardSerial;
        this.correction = correction;
    }

    /** The Dinas's version stays: the outpost's operation is dropped, for the reason given. */
    public void keepDinas(String by, Instant at, String reason) {
        settle(Settlement.DINAS, by, at);
        this.settleReason = reason;
    }

    /** The outpost's operation was applied now. */
    public void applyOutpost(String by, Instant at) {
        settle(Settlement.OUTPOST, by, at);
    }

    private void settle(Settlement how, String by, Instant at) {
        if (settledAt != null) {
            throw new RuleViolation("schoolvisit.error.reconciliation-settled", settledBy == null ? "" : settledBy);
        }
        this.settlement = how;
        this.settledBy = by;
        this.settledAt = at;
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("Not saved yet");
        }
        return id;
    }

    public String operationId() {
        return operationId;
    }

    public long checkoutId() {
        return checkoutId;
    }

    public long studentId() {
        return studentId;
    }

    public String outpostVersion() {
        return outpostVersion;
    }

    public String dinasVersion() {
        return dinasVersion;
    }

    public @Nullable String staff() {
        return staff;
    }

    /** An outpost's correction (SOP D step 5) in its bundle's canonical form, if the operation is one. */
    public @Nullable String correction() {
        return correction;
    }

    public @Nullable String cardSerial() {
        return cardSerial;
    }

    public @Nullable Settlement settlement() {
        return settlement;
    }

    public @Nullable Instant settledAt() {
        return settledAt;
    }

    public long version() {
        return version;
    }
}

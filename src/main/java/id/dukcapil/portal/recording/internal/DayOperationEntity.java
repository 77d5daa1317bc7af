package id.dukcapil.portal.recording.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/**
 * A step an outpost took at a recording point's desks, as the Dinas took it: its id is the table's key, so an
 * operation arriving again (the same bundle twice, its remainder after a crash) is found and never applied twice.
 */
@Entity
@Table(name = "recording_outpost_operation")
public class DayOperationEntity implements Persistable<String> {

    /** What became of the operation: applied, or kept with both versions for a supervisor. */
    public enum Outcome { APPLIED, RECONCILE }

    /** A conflict's versions are kept in 300 characters. */
    public static final int VERSION_MAX = 300;

    @Id
    private String operationId;
    private long checkoutId;
    private String kind;
    private String visitKey;
    private @Nullable Long visitId;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    private String staff;
    private Instant happenedAt;
    private Instant arrivedAt;
    private @Nullable String outpostVersion;
    private @Nullable String dinasVersion;

    protected DayOperationEntity() {
        this.operationId = "";
        this.kind = "";
        this.visitKey = "";
        this.outcome = Outcome.APPLIED;
        this.staff = "";
        this.happenedAt = Instant.EPOCH;
        this.arrivedAt = Instant.EPOCH;
    }

    public DayOperationEntity(String operationId, long checkoutId, String kind, String visitKey, String staff,
                              Instant happenedAt, Instant arrivedAt) {
        this.operationId = operationId;
        this.checkoutId = checkoutId;
        this.kind = kind;
        this.visitKey = visitKey;
        this.outcome = Outcome.APPLIED;
        this.staff = staff;
        this.happenedAt = happenedAt;
        this.arrivedAt = arrivedAt;
    }

    /** The visit it made or moved here. */
    public void applied(long visit) {
        this.visitId = visit;
    }

    /** Not applied to the register: what the outpost did and what the Dinas had, for a supervisor. */
    public void reconcile(@Nullable Long visit, String outpostSide, String dinasSide) {
        this.visitId = visit;
        this.outcome = Outcome.RECONCILE;
        this.outpostVersion = cut(outpostSide);
        this.dinasVersion = cut(dinasSide);
    }

    private static String cut(String text) {
        return text.length() <= VERSION_MAX ? text : text.substring(0, VERSION_MAX - 1) + "…";
    }

    @Override
    public String getId() {
        return operationId;
    }

    /** Always new: an operation is written once, and a second insert of its id fails on the key. */
    @Override
    public boolean isNew() {
        return true;
    }

    public String kind() {
        return kind;
    }

    public Outcome outcome() {
        return outcome;
    }

    public long checkoutId() {
        return checkoutId;
    }

    public String visitKey() {
        return visitKey;
    }

    public @Nullable Long visitId() {
        return visitId;
    }

    public String staff() {
        return staff;
    }

    public Instant happenedAt() {
        return happenedAt;
    }

    public Instant arrivedAt() {
        return arrivedAt;
    }

    public @Nullable String outpostVersion() {
        return outpostVersion;
    }

    public @Nullable String dinasVersion() {
        return dinasVersion;
    }
}

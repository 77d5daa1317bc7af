package id.dukcapil.portal.schoolvisit.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/**
 * An outpost's operation as the Dinas took it: its id is the table's key, so an operation arriving again (the same
 * bundle twice, its remainder after a crash) is found and never applied a second time.
 */
@Entity
@Table(name = "schoolvisit_outpost_operation")
public class OutpostOperationEntity implements Persistable<String> {

    /** What became of the operation. */
    public enum Outcome { APPLIED, RECONCILE }

    @Id
    private String operationId;
    private long checkoutId;
    private String kind;
    private @Nullable Long studentId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Outcome outcome;
    private Instant happenedAt;
    private Instant arrivedAt;

    protected OutpostOperationEntity() {
        this.operationId = "";
        this.kind = "";
        this.outcome = Outcome.APPLIED;
        this.happenedAt = Instant.EPOCH;
        this.arrivedAt = Instant.EPOCH;
    }

    public OutpostOperationEntity(String operationId, long checkoutId, String kind, @Nullable Long studentId,
                                  Outcome outcome, Instant happenedAt, Instant arrivedAt) {
        this.operationId = operationId;
        this.checkoutId = checkoutId;
        this.kind = kind;
        this.studentId = studentId;
        this.outcome = outcome;
        this.happenedAt = happenedAt;
        this.arrivedAt = arrivedAt;
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

    public @Nullable Long studentId() {
        return studentId;
    }

    /** On the outpost's clock. */
    public Instant happenedAt() {
        return happenedAt;
    }

    /** On the Dinas's clock. */
    public Instant arrivedAt() {
        return arrivedAt;
    }
}

package id.dukcapil.portal.outpost.internal;

import id.dukcapil.portal.schoolvisit.OutpostBundle;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Kind;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/**
 * A change made on this outpost ({@code outpost_operation}), kept in its place until the Dinas took its bundle.
 * Written once: its id is what the Dinas applies once.
 */
@Entity
@Table(name = "outpost_operation")
public class OperationEntity implements Persistable<String> {

    @Id
    private String operationId;
    private long checkoutId;
    private int position;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private Instant happenedAt;
    private String staff;
    private @Nullable Long studentId;
    private @Nullable String cardSerial;
    private @Nullable String correctionSealed;

    protected OperationEntity() {
        this.operationId = "";
        this.kind = Kind.ABSENT;
        this.happenedAt = Instant.EPOCH;
        this.staff = "";
    }

    /** The operation in its place; a correction's personal data sealed with the outpost's data key. */
    public OperationEntity(long checkoutId, int position, OutpostBundle.Operation operation, DataKey vault) {
        this.operationId = operation.id().toString();
        this.checkoutId = checkoutId;
        this.position = position;
        this.kind = operation.kind();
        this.happenedAt = operation.happenedAt();
        this.staff = operation.staff();
        this.studentId = operation.studentId();
        this.cardSerial = operation.cardSerial();
        this.correctionSealed = operation.correction() == null ? null
                : vault.seal(operation.correction().canonical(), context());
    }

    @Override
    public String getId() {
        return operationId;
    }

    @Override
    public boolean isNew() {
        return true;
    }

    /** The operation as made, its correction opened with the outpost's data key. */
    public OutpostBundle.Operation operation(DataKey vault) {
        return new OutpostBundle.Operation(UUID.fromString(operationId), kind, happenedAt, staff, studentId,
                cardSerial, correctionSealed == null ? null
                : OutpostBundle.Correction.parse(vault.open(correctionSealed, context())));
    }

    /** Where the sealed correction is kept: its column and row. */
    private String context() {
        return "outpost_operation.correction:" + operationId;
    }
}

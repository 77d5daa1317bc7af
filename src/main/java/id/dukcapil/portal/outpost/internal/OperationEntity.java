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

    protected OperationEntity() {
        this.operationId = "";
        this.kind = Kind.ABSENT;
        this.happenedAt = Instant.EPOCH;
        this.staff = "";
    }

    public OperationEntity(long checkoutId, int position, OutpostBundle.Operation operation) {
        this.operationId = operation.id().toString();
        this.checkoutId = checkoutId;
        this.position = position;
        this.kind = operation.kind();
        this.happenedAt = operation.happenedAt();
        this.staff = operation.staff();
        this.studentId = operation.studentId();
        this.cardSerial = operation.cardSerial();
    }

    @Override
    public String getId() {
        return operationId;
    }

    @Override
    public boolean isNew() {
        return true;
    }

    public OutpostBundle.Operation operation() {
        return new OutpostBundle.Operation(UUID.fromString(operationId), kind, happenedAt, staff, studentId,
                cardSerial);
    }
}

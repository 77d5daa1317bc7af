package id.dukcapil.portal.blanko.internal;

import id.dukcapil.portal.blanko.MovementKind;
import id.dukcapil.portal.blanko.StockMovement;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * One line of the blank-card ledger ({@code blanko_movement}): written once with the balance it left, never changed
 * (so no version: there is no second write to refuse). The balance itself is {@link BalanceRows}'s.
 */
@Entity
@Immutable
@Table(name = "blanko_movement")
public class StockMovementEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private String servicePoint;
    @Enumerated(EnumType.STRING)
    private MovementKind kind;
    private int quantity;
    private int balanceAfter;
    private @Nullable String reference;
    private @Nullable String reason;
    private Instant recordedAt;
    private String recordedBy;

    protected StockMovementEntity() {
        this.servicePoint = "";
        this.kind = MovementKind.CORRECTION;
        this.recordedAt = Instant.EPOCH;
        this.recordedBy = "";
    }

    @SuppressWarnings("java:S107") // one argument per column
    public StockMovementEntity(String servicePoint, MovementKind kind, int quantity, int balanceAfter,
                               @Nullable String reference, @Nullable String reason, Instant at, String by) {
        this.servicePoint = servicePoint;
        this.kind = kind;
        this.quantity = quantity;
        this.balanceAfter = balanceAfter;
        this.reference = reference;
        this.reason = reason;
        this.recordedAt = at.truncatedTo(ChronoUnit.MILLIS); // the column keeps milliseconds
        this.recordedBy = by;
    }

    public StockMovement toRecord() {
        if (id == null) {
            throw new IllegalStateException("Not saved yet");
        }
        return new StockMovement(id, servicePoint, kind, quantity, balanceAfter, reference, reason, recordedAt,
                recordedBy);
    }
}

package id.dukcapil.portal.blanko.internal;

import id.dukcapil.portal.blanko.MovementKind;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The blank-card ledger: its lines, and each point's balance beside them ({@link BalanceRows}). */
public interface LedgerRepository extends JpaRepository<StockMovementEntity, Long>, BalanceRows {

    /** A point's lines, newest first. */
    /** A point's lines in the page's order (callers give one: see {@code PageOrder}). */
    Slice<StockMovementEntity> findByServicePoint(String servicePoint, Pageable page);

    /** Cards printed or spoiled at the point since {@code from}. */
    default int usedSince(String servicePoint, Instant from) {
        return (int) -sumSince(servicePoint, Set.of(MovementKind.PRINTED, MovementKind.SPOILED), from);
    }

    /** The signed sum of the point's lines of the kinds since {@code from}. */
    @Query("""
            select coalesce(sum(m.quantity), 0) from StockMovementEntity m
            where m.servicePoint = :servicePoint and m.kind in :kinds and m.recordedAt >= :from""")
    long sumSince(String servicePoint, Collection<MovementKind> kinds, Instant from);

    /** What moved between the two instants: each kind's quantities summed, signed as the ledger keeps them. */
    @Query("""
            select m.kind as kind, sum(m.quantity) as quantity from StockMovementEntity m
            where m.servicePoint = :servicePoint and m.recordedAt >= :from and m.recordedAt < :to group by m.kind""")
    List<Moved> movedBetween(String servicePoint, Instant from, Instant to);

    /** The balance the last line before {@code before} left (zero before the first). */
    @Query("""
            select m.balanceAfter from StockMovementEntity m where m.servicePoint = :servicePoint
            and m.recordedAt < :before order by m.id desc limit 1""")
    List<Integer> balanceBefore(String servicePoint, Instant before);

    /** One kind's signed sum. */
    interface Moved {
        MovementKind getKind();

        long getQuantity();
    }
}

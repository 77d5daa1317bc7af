package id.dukcapil.portal.recording.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The outposts' operations of recording points' days ({@code recording_outpost_operation}). */
public interface DayOperationRepository extends JpaRepository<DayOperationEntity, String> {

    /** The visit the outpost's visit became here: made by its first operation, if that was applied. */
    @Query("""
            select o.visitId from DayOperationEntity o where o.checkoutId = :checkoutId and o.visitKey = :visitKey
            and o.kind = 'BEGUN' and o.visitId is not null""")
    Optional<Long> visitOf(long checkoutId, String visitKey);

    /** A checkout's operations kept for a supervisor, in the order they arrived. */
    @Query("""
            select o from DayOperationEntity o where o.checkoutId = :checkoutId
            and o.outcome = id.dukcapil.portal.recording.internal.DayOperationEntity.Outcome.RECONCILE
            order by o.arrivedAt, o.happenedAt""")
    List<DayOperationEntity> toReconcile(long checkoutId);

    long countByCheckoutId(long checkoutId);
}

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

    /** The operations kept for a supervisor, the latest arrival first. */
    @Query("""
            select o from DayOperationEntity o
            where o.outcome = id.dukcapil.portal.recording.internal.DayOperationEntity.Outcome.RECONCILE
            order by o.arrivedAt desc, o.happenedAt desc""")
    List<DayOperationEntity> toReconcile(org.springframework.data.domain.Limit limit);

    long countByCheckoutId(long checkoutId);

    /** Which of these operations were taken before. */
    @Query("select o.operationId from DayOperationEntity o where o.operationId in :ids")
    List<String> existing(java.util.Collection<String> ids);
}

package id.dukcapil.portal.kkprint.internal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KK print requests ({@code kkprint_request}) with their history ({@code kkprint_history}). Their changes of
 * state go through {@link KkRequestEntity}'s methods and {@link Lifecycle}; the inboxes' page, the capped counts and
 * the signed PDF are SQL ({@link KkRequestSql}).
 */
public interface KkRequestRepository extends JpaRepository<KkRequestEntity, Long>, KkRequestSql {

    Optional<KkRequestEntity> findByTrackingNumber(String trackingNumber);

    /**
     * The request, its row locked to the end of the transaction: two clerks (or a clerk and the overdue watch) on one
     * request queue up, the second seeing what the first did and refused in words by the state it left.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from KkRequestEntity r where r.id = :id")
    Optional<KkRequestEntity> findLockedById(long id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from KkRequestEntity r where r.trackingNumber = :trackingNumber")
    Optional<KkRequestEntity> findLockedByTrackingNumber(String trackingNumber);

    /** The request's history, oldest first (the collection on the entity is for appending only). */
    @Query("select h from KkHistoryEntity h where h.request.id = :requestId order by h.id")
    List<KkHistoryEntity> historyOf(long requestId);

    /**
     * What the signing batch needs of a request to render its card: two columns, no entity in the persistence
     * context and none of its texts (the batch renders each card in a transaction of its own).
     */
    @Query("""
            select new id.dukcapil.portal.kkprint.internal.KkCardSource(r.kkNumber, r.familyAtVerification)
            from KkRequestEntity r where r.trackingNumber = :trackingNumber""")
    Optional<KkCardSource> cardSource(String trackingNumber);

    /** Open steps past their due time, not yet reported; step 10 waits for the citizen, never the office's delay. */
    @Query("""
            select r from KkRequestEntity r where r.overdueNotified = false and r.stepDueAt < :dueBefore
            and r.step <> 'B10_ADM_PRINT' order by r.stepDueAt""")
    List<KkRequestEntity> overdueNotNotified(Instant dueBefore, Limit limit);

    /** Claims the report of a step's delay: false if another run (another node) reported it, or the step moved on. */
    @Transactional
    @Modifying
    @Query("""
            update KkRequestEntity r set r.overdueNotified = true
            where r.id = :id and r.stepDueAt = :stepDueAt and r.overdueNotified = false""")
    int markOverdueNotified(long id, Instant stepDueAt);

    /**
     * Marks the open requests of these family cards as changed by an import of the register (not a change of the
     * request: its version stays, a desk's save is not refused for it); how many.
     */
    @Transactional
    @Modifying
    @Query("update KkRequestEntity r set r.registryRefreshedAt = :at where r.openKk in :kkNumbers")
    int markRegistryRefreshed(Collection<String> kkNumbers, Instant at);
}

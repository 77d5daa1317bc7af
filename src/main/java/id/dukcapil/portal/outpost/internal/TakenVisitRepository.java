package id.dukcapil.portal.outpost.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The visits this outpost took. */
public interface TakenVisitRepository extends JpaRepository<TakenVisitEntity, Long> {

    Optional<TakenVisitEntity> findFirstByStatusNot(TakenVisitEntity.Status status);

    /** The visit held here (out or sending), if any. */
    default Optional<TakenVisitEntity> held() {
        return findFirstByStatusNot(TakenVisitEntity.Status.BACK);
    }

    /**
     * The visit held, its row locked and read under the lock: the outpost's steps on it go one after the other, each
     * in its place, and none after its bundle left.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select v from TakenVisitEntity v where v.status <> ?1")
    Optional<TakenVisitEntity> findLockedByStatusNot(TakenVisitEntity.Status status);

    default Optional<TakenVisitEntity> heldLocked() {
        return findLockedByStatusNot(TakenVisitEntity.Status.BACK);
    }

    /** The last visit brought back: the latest checkout (the Dinas numbers them as it hands them out). */
    Optional<TakenVisitEntity> findFirstByStatusOrderByCheckoutIdDesc(TakenVisitEntity.Status status);
}

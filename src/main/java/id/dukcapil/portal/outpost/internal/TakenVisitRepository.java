package id.dukcapil.portal.outpost.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The visits this outpost took. */
public interface TakenVisitRepository extends JpaRepository<TakenVisitEntity, Long> {

    Optional<TakenVisitEntity> findFirstByStatus(TakenVisitEntity.Status status);

    /** The visit, its row locked: the outpost's steps on it go one after the other, each in its place. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select v from TakenVisitEntity v where v.checkoutId = ?1")
    Optional<TakenVisitEntity> findLocked(long checkoutId);
}

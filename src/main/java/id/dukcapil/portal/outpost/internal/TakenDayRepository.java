package id.dukcapil.portal.outpost.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The recording points' days this outpost took. */
public interface TakenDayRepository extends JpaRepository<TakenDayEntity, Long> {

    Optional<TakenDayEntity> findFirstByStatusNot(TakenDayEntity.Status status);

    /** The day held here (out or sending), if any. */
    default Optional<TakenDayEntity> held() {
        return findFirstByStatusNot(TakenDayEntity.Status.BACK);
    }

    /** The day held, its row locked: the desks' steps go one after the other, each in its place and number. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from TakenDayEntity d where d.status <> ?1")
    Optional<TakenDayEntity> findLockedByStatusNot(TakenDayEntity.Status status);

    default Optional<TakenDayEntity> heldLocked() {
        return findLockedByStatusNot(TakenDayEntity.Status.BACK);
    }

    /** The last day brought back. */
    Optional<TakenDayEntity> findFirstByStatusOrderByCheckoutIdDesc(TakenDayEntity.Status status);
}

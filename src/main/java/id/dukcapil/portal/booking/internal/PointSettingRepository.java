package id.dukcapil.portal.booking.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The points' settings: a planner's save is read again and written over the version it read. */
public interface PointSettingRepository extends JpaRepository<PointSettingEntity, String> {

    /** The point's row, locked to the end of the transaction: two planners' saves queue instead of one failing. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from PointSettingEntity s where s.servicePoint = :point")
    Optional<PointSettingEntity> findLockedById(String point);
}

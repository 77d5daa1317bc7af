package id.dukcapil.portal.booking.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The points' opening days and hours, by point. */
public interface OpeningHoursRepository extends JpaRepository<OpeningHoursEntity, String> {

    /** The point's row, locked to the end of the transaction: two planners' saves queue instead of one failing. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from OpeningHoursEntity h where h.servicePoint = :point")
    Optional<OpeningHoursEntity> findLockedById(String point);
}

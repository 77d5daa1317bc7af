package id.dukcapil.portal.recording.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The recording points' days taken to outposts ({@code recording_checkout}). */
public interface DayCheckoutRepository extends JpaRepository<DayCheckoutEntity, Long> {

    /** The point's day out, if one is. */
    @Query("select c from DayCheckoutEntity c where c.outPoint = :point")
    Optional<DayCheckoutEntity> out(String point);

    /** Every point's day out now, the longest out first. */
    @Query("select c from DayCheckoutEntity c where c.outPoint is not null order by c.checkedOutAt")
    java.util.List<DayCheckoutEntity> allOut();

    /**
     * The checkout, its row held shared to the commit: a visit's steps applied while a supervisor's take-back waits,
     * or after it, never across it.
     */
    @Lock(LockModeType.PESSIMISTIC_READ)
    @Query("select c from DayCheckoutEntity c where c.id = :id")
    Optional<DayCheckoutEntity> findSharedById(long id);

    /** The checkout, its row locked: a check-in's end and a second arrival's meet here. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from DayCheckoutEntity c where c.id = :id")
    Optional<DayCheckoutEntity> findLockedById(long id);
}

package id.dukcapil.portal.booking.internal;

import id.dukcapil.portal.booking.Booking;
import id.dukcapil.portal.booking.BookingStatus;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * The bookings ({@code booking_booking}) and the idempotency keys of the requests that made them; the burst's
 * statements and the rollups are SQL beside it ({@link BookingSql}).
 *
 * <p>Whoever changes a booking loads it locked: the counter and the citizen one by its code, a job or a listener the
 * day's or the list's at once. A change is thus decided on the booking as it is, and a check-in and a cancellation
 * queue on its row instead of one overwriting the other (decisions 173, 193).
 */
public interface BookingRepository extends JpaRepository<BookingEntity, Long>, BookingSql {

    /** The booking, its row locked to the end of the transaction: read as it is now, changed by one desk at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from BookingEntity b where b.code = :code")
    Optional<BookingEntity> findLockedByCode(String code);

    /** The point's bookings of a day in the states, locked, in queue order: what a job decides about the day. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select b from BookingEntity b where b.servicePoint = :point and b.day = :day and b.status in :statuses
            order by b.queueNumber""")
    List<BookingEntity> lockedOfDay(String point, LocalDate day, Collection<BookingStatus> statuses);

    /** The open bookings of these NIKs, locked: what an import of the register decides about. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from BookingEntity b where b.openNik in :niks order by b.id")
    List<BookingEntity> lockedOpenOf(Collection<String> niks);

    /** The point's bookings of a day in the states, in queue order. */
    @Query("""
            select b from BookingEntity b where b.servicePoint = :point and b.day = :day and b.status in :statuses
            order by b.queueNumber""")
    List<BookingEntity> ofDay(String point, LocalDate day, Collection<BookingStatus> statuses);

    /** A citizen's bookings, newest first. */
    @Query("select b from BookingEntity b where b.citizenId = :citizenId order by b.createdAt desc, b.id desc")
    List<BookingEntity> ofCitizen(long citizenId, Limit limit);

    /** A day's bookings at a point: the open ones first (the next to come on top), then the closed ones, in queue order. */
    @Query("""
            select b from BookingEntity b where b.servicePoint = :point and b.day = :day
            order by case when b.openNik is null then 1 else 0 end, b.queueNumber""")
    List<BookingEntity> queueOfDay(String point, LocalDate day);

    /**
     * The bookings at the point from the day on whose resident the register no longer lists: the open ones and those
     * cancelled for it ({@code reasonCancelled}).
     */
    @Query("""
            select b from BookingEntity b where b.servicePoint = :point and b.day >= :from and b.residentGoneAt is not null
            and (b.openNik is not null
                 or b.status = id.dukcapil.portal.booking.BookingStatus.CANCELLED and b.outcomeReason = :reasonCancelled)
            order by b.day, b.queueNumber""")
    List<BookingEntity> withResidentGone(String point, LocalDate from, String reasonCancelled);

    /** A booking as a record, read by its id. */
    default Optional<Booking> byId(long id) {
        return findById(id).map(BookingEntity::toRecord);
    }
}

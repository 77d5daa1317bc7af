package id.dukcapil.portal.recording.internal;

import id.dukcapil.portal.recording.VisitState;
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
 * The visits of the recording points ({@code recording_visit}); the queue's hot paths and the day's figures are SQL
 * beside it ({@link VisitSql}).
 */
public interface VisitRepository extends JpaRepository<VisitEntity, Long>, VisitSql {

    /** The visit, its row locked to the end of the transaction: read as it is now, changed by one desk at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select v from VisitEntity v where v.id = :id")
    Optional<VisitEntity> findLockedById(long id);

    /** The resident's visits of the day in the states, newest first (the one not over: at most one). */
    @Query("""
            select v from VisitEntity v where v.servicePoint = :point and v.day = :day and v.nik = :nik
            and v.state in :states order by v.id desc""")
    List<VisitEntity> ofResident(String point, LocalDate day, String nik, Collection<VisitState> states, Limit limit);

    /**
     * The numbers called and not yet dealt with at the point's day: the operator's own first (newest call first),
     * then other desks'.
     */
    @Query("""
            select v from VisitEntity v where v.servicePoint = :point and v.day = :day
            and v.state = id.dukcapil.portal.recording.VisitState.CALLED
            order by case when v.calledBy = :by then 0 else 1 end, v.calledAt desc""")
    List<VisitEntity> called(String point, LocalDate day, String by, Limit limit);

    /** The point's visits of a day in a state, in the order the desk calls them. */
    @Query("""
            select v from VisitEntity v where v.servicePoint = :point and v.day = :day and v.state = :state
            order by v.requeued desc, case when v.priority is null then 1 else 0 end, v.queueNumber, v.id""")
    List<VisitEntity> inState(String point, LocalDate day, VisitState state, Limit limit);

    int countByServicePointAndDayAndState(String servicePoint, LocalDate day, VisitState state);

    /** The latest calls of the day, newest first, but none of a number since marked absent: what the board shows. */
    @Query("""
            select v from VisitEntity v where v.servicePoint = :point and v.day = :day and v.calledAt is not null
            and v.state <> id.dukcapil.portal.recording.VisitState.ABSENT order by v.calledAt desc""")
    List<VisitEntity> latestCalls(String point, LocalDate day, Limit limit);

    /** The point's visits of a day in the order they began: the daily register (BHPPK). */
    List<VisitEntity> findByServicePointAndDayOrderById(String servicePoint, LocalDate day);

    /** The registration operator's latest visits of the day in the states (still at their desk), newest first. */
    @Query("""
            select v from VisitEntity v where v.servicePoint = :point and v.day = :day and v.registeredBy = :by
            and v.state in :states order by v.id desc""")
    List<VisitEntity> atRegistration(String point, LocalDate day, String by, Collection<VisitState> states,
                                     Limit limit);

    /** The point's visits of a day in the states, in the order they began. */
    @Query("""
            select v from VisitEntity v where v.servicePoint = :point and v.day = :day and v.state in :states
            order by v.id""")
    List<VisitEntity> ofDayIn(String point, LocalDate day, Collection<VisitState> states);

    /** The same, locked: the day's end closes each, and a desk's move on one waits for it (or it for the desk). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select v from VisitEntity v where v.servicePoint = :point and v.day = :day and v.state in :states
            order by v.id""")
    List<VisitEntity> lockedOfDayIn(String point, LocalDate day, Collection<VisitState> states);

    Optional<VisitEntity> findByProofToken(String proofToken);
}

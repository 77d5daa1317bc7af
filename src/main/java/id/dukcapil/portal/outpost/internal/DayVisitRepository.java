package id.dukcapil.portal.outpost.internal;

import id.dukcapil.portal.recording.VisitState;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The visits to this outpost's desks. */
public interface DayVisitRepository extends JpaRepository<DayVisitEntity, String> {

    /** The visit, locked: one desk moves it at a time (the day's row is locked first). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select v from DayVisitEntity v where v.visitKey = :visitKey")
    Optional<DayVisitEntity> findLocked(String visitKey);

    /** The resident's visits of the day in the states (the one not over: at most one). */
    List<DayVisitEntity> findByCheckoutIdAndResidentIdAndStateIn(long checkoutId, long residentId,
                                                                 Collection<VisitState> states);

    /** The day's visits in a state, in the order the recording desk calls them: sent back first, priority, number. */
    @Query("""
            select v from DayVisitEntity v where v.checkoutId = :checkoutId and v.state = :state
            order by v.requeued desc, case when v.priority is null then 1 else 0 end, v.queueNumber, v.startedAt""")
    List<DayVisitEntity> inCallOrder(long checkoutId, VisitState state, Limit limit);

    /** The day's visits, in the order they began: the day's register. */
    List<DayVisitEntity> findByCheckoutIdOrderByStartedAt(long checkoutId);

    /** The latest calls, newest first, none since marked absent: what the board shows. */
    @Query("""
            select v from DayVisitEntity v where v.checkoutId = :checkoutId and v.calledAt is not null
            and v.state <> id.dukcapil.portal.recording.VisitState.ABSENT order by v.calledAt desc""")
    List<DayVisitEntity> latestCalls(long checkoutId, Limit limit);

    /** The registration operator's visits still at their desk, newest first. */
    @Query("""
            select v from DayVisitEntity v where v.checkoutId = :checkoutId and v.registeredBy = :by
            and v.state in :states order by v.startedAt desc""")
    List<DayVisitEntity> atRegistration(long checkoutId, String by, Collection<VisitState> states, Limit limit);

    /** The day went back: its visits leave the outpost with their residents. */
    @Modifying
    @Query("delete from DayVisitEntity v where v.checkoutId = :checkoutId")
    void deleteOfDay(long checkoutId);
}

package id.dukcapil.portal.schoolvisit.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The visits ({@code schoolvisit_visit}) with their teams ({@code schoolvisit_team}). A kit or an officer in two
 * places on one day is refused by unique keys as well as by the planner's check, so two planners at once cannot both
 * book them. {@link VisitReads} turns them into the module's records.
 */
public interface SchoolVisitRepository extends JpaRepository<SchoolVisitEntity, Long> {

    /** The visit's row, locked until the transaction ends: two checkouts of one visit queue on it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select v from SchoolVisitEntity v where v.id = :id")
    Optional<SchoolVisitEntity> lockById(long id);

    @EntityGraph(attributePaths = "team")
    List<SchoolVisitEntity> findByDayBetween(LocalDate first, LocalDate last);

    @EntityGraph(attributePaths = "team")
    List<SchoolVisitEntity> findBySchoolIdOrderByDayDesc(long schoolId);

    @EntityGraph(attributePaths = "team")
    @Query("select v from SchoolVisitEntity v where v.day = :day and exists (select 1 from v.team m where m.username = :username)")
    List<SchoolVisitEntity> ofOfficer(String username, LocalDate day);

    /** The officers of the list already in a team that day, with the school they go to. */
    @Query("""
            select m.username as username, s.name as schoolName
            from SchoolVisitEntity v join v.team m join SchoolEntity s on s.id = v.schoolId
            where m.username in :usernames and m.day = :day order by m.username""")
    List<Busy> busy(Collection<String> usernames, LocalDate day);

    /** The school the kit goes to that day, if it is booked. */
    @Query("""
            select s.name from SchoolVisitEntity v join SchoolEntity s on s.id = v.schoolId
            where v.kitCode = :kitCode and v.day = :day""")
    Optional<String> kitBookedAt(String kitCode, LocalDate day);

    /** An officer in a team that day, and the school the team goes to. */
    interface Busy {
        String getUsername();

        String getSchoolName();
    }
}

package id.dukcapil.portal.schoolvisit.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The officers' leave ({@code schoolvisit_absence}). */
public interface AbsenceRepository extends JpaRepository<AbsenceEntity, Long> {

    /** The officers of the list on leave that day. */
    @Query("""
            select distinct a.username from AbsenceEntity a
            where a.username in :usernames and a.firstDay <= :day and a.lastDay >= :day order by a.username""")
    List<String> onLeave(Collection<String> usernames, LocalDate day);
}

package id.dukcapil.portal.schoolvisit.internal;

import id.dukcapil.portal.schoolvisit.School;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The schools ({@code schoolvisit_school}). A save over a version another save replaced is refused with an
 * {@code OptimisticLockingFailureException} (two planners).
 */
public interface SchoolRepository extends JpaRepository<SchoolEntity, Long> {

    Optional<SchoolEntity> findByNpsn(String npsn);

    /** The school as the module's API shows it. */
    default Optional<School> find(long id) {
        return findById(id).map(SchoolEntity::toRecord);
    }

    default Optional<School> byNpsn(String npsn) {
        return findByNpsn(npsn).map(SchoolEntity::toRecord);
    }

    /**
     * The coordination for the school's next visit begins (the planner's first contact, a roster received), unless one
     * is open: its start is kept. One conditional statement, as the version is the planner's edit's, not step 1's.
     */
    @Modifying
    @Query("update SchoolEntity s set s.coordinationBeganAt = :at where s.id = :id and s.coordinationBeganAt is null")
    int beginCoordination(long id, Instant at);

    /** A visit is scheduled: the coordination is done; the next one begins anew. */
    @Modifying
    @Query("update SchoolEntity s set s.coordinationBeganAt = null where s.id = :id")
    int endCoordination(long id);

    /** When the open coordination for the school's next visit began, read from the row (not the context). */
    @Query("select s.coordinationBeganAt from SchoolEntity s where s.id = :id and s.coordinationBeganAt is not null")
    Optional<Instant> coordinationBegan(long id);

    /** Schools whose name or NPSN is like the pattern (an escaped {@code LikePattern}), in the page's order. */
    @Query("select s from SchoolEntity s where s.name like :like or s.npsn like :like")
    Slice<SchoolEntity> search(String like, Pageable page);
}

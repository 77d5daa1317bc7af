package id.dukcapil.portal.schoolvisit.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The visits taken to outposts. */
public interface CheckoutRepository extends JpaRepository<CheckoutEntity, Long> {

    Optional<CheckoutEntity> findFirstByVisitIdAndState(long visitId, CheckoutEntity.State state);

    java.util.List<CheckoutEntity> findByVisitIdInAndState(java.util.Collection<Long> visitIds,
                                                          CheckoutEntity.State state);

    /** The visit's checkout while it is out at an outpost. */
    default Optional<CheckoutEntity> out(long visitId) {
        return findFirstByVisitIdAndState(visitId, CheckoutEntity.State.OUT);
    }

    /** A checkout still out of one of the school's visits. */
    @Query("""
            SELECT c FROM CheckoutEntity c, SchoolVisitEntity v
            WHERE c.visitId = v.id AND v.schoolId = :schoolId
            AND c.state = id.dukcapil.portal.schoolvisit.internal.CheckoutEntity.State.OUT""")
    java.util.List<CheckoutEntity> outOfSchool(long schoolId);
}

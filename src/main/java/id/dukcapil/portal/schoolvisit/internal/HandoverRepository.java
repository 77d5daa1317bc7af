package id.dukcapil.portal.schoolvisit.internal;

import id.dukcapil.portal.schoolvisit.OpenHandover;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The handover records ({@code schoolvisit_handover}); the cards they list are the students'. */
public interface HandoverRepository extends JpaRepository<HandoverEntity, Long> {

    /** The records not yet received by their school, oldest first; of one school if given. */
    @Query("""
            select new id.dukcapil.portal.schoolvisit.OpenHandover(h.id, h.schoolId, s.name, h.number, h.cards,
                h.preparedAt, h.signedAt)
            from HandoverEntity h join SchoolEntity s on s.id = h.schoolId
            where h.receivedAt is null and (:schoolId is null or h.schoolId = :schoolId)
            order by h.preparedAt, h.id""")
    List<OpenHandover> open(@Nullable Long schoolId, Limit limit);

    @Query("select h.id from HandoverEntity h where h.schoolId = :schoolId order by h.id desc")
    List<Long> ofSchool(long schoolId);
}

package id.dukcapil.portal.outpost.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The rosters of the visits this outpost took. */
public interface TakenStudentRepository extends JpaRepository<TakenStudentEntity, TakenStudentEntity.Key> {

    /** The roster: by class here, by name once opened (names are sealed). */
    List<TakenStudentEntity> findByKeyCheckoutIdOrderByClassName(long checkoutId);

    /** The visit went back: its personal data leaves the laptop. */
    @Modifying
    @Query("delete from TakenStudentEntity s where s.key.checkoutId = ?1")
    int deleteRoster(long checkoutId);
}

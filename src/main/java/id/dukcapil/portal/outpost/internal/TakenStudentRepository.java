package id.dukcapil.portal.outpost.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The rosters of the visits this outpost took. */
public interface TakenStudentRepository extends JpaRepository<TakenStudentEntity, TakenStudentEntity.Key> {

    List<TakenStudentEntity> findByKeyCheckoutIdOrderByClassNameAscFullNameAsc(long checkoutId);
}

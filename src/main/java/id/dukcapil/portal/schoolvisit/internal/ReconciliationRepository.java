package id.dukcapil.portal.schoolvisit.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The reconciliation list: outposts' operations a supervisor settles. */
public interface ReconciliationRepository extends JpaRepository<ReconciliationEntity, Long>, ReconciliationSql {

    List<ReconciliationEntity> findByCheckoutIdOrderById(long checkoutId);
}

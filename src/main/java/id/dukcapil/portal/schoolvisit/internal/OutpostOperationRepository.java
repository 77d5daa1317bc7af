package id.dukcapil.portal.schoolvisit.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The operations the Dinas took from outposts' bundles, by their id. */
public interface OutpostOperationRepository extends JpaRepository<OutpostOperationEntity, String> {

    List<OutpostOperationEntity> findByCheckoutId(long checkoutId);
}

package id.dukcapil.portal.outpost.internal;

import id.dukcapil.portal.schoolvisit.OutpostBundle.Kind;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The changes made on this outpost, in their order. */
public interface OperationRepository extends JpaRepository<OperationEntity, String> {

    List<OperationEntity> findByCheckoutIdOrderByPosition(long checkoutId);

    long countByCheckoutId(long checkoutId);

    long countByCheckoutIdAndKind(long checkoutId, Kind kind);

    /** Whether a blank card's serial is written already (printed or spoiled): a card is used once. */
    boolean existsByCheckoutIdAndCardSerial(long checkoutId, String cardSerial);
}

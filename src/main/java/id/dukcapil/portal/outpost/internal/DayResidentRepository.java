package id.dukcapil.portal.outpost.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The residents of the days this outpost took. */
public interface DayResidentRepository extends JpaRepository<DayResidentEntity, Long> {

    /** The resident of the day with this NIK's keyed hash. */
    Optional<DayResidentEntity> findByCheckoutIdAndNikIndex(long checkoutId, String nikIndex);

    long countByCheckoutId(long checkoutId);

    /** The day went back: its residents' personal data leaves the outpost. */
    @Modifying
    @Query("delete from DayResidentEntity r where r.checkoutId = :checkoutId")
    void deleteOfDay(long checkoutId);
}

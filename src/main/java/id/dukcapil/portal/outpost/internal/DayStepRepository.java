package id.dukcapil.portal.outpost.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The steps this outpost's desks took. */
public interface DayStepRepository extends JpaRepository<DayStepEntity, String> {

    long countByCheckoutId(long checkoutId);

    List<DayStepEntity> findByCheckoutIdOrderByPosition(long checkoutId);

    /** A visit's steps of a kind, in their order (its recording: one, or more after a failure sent it back). */
    List<DayStepEntity> findByVisitKeyAndStepOrderByPosition(String visitKey,
                                                             id.dukcapil.portal.recording.OutpostDayBundle.Step step);
}

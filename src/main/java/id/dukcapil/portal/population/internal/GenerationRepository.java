package id.dukcapil.portal.population.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The regencies the portal generated; the latest is the one in the register (a generation needs empty tables). */
public interface GenerationRepository extends JpaRepository<GenerationEntity, Long> {

    Optional<GenerationEntity> findFirstByOrderByIdDesc();
}

package id.dukcapil.portal.schoolvisit.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The field teams' kits ({@code schoolvisit_kit}). */
public interface KitRepository extends JpaRepository<KitEntity, String> {

    List<KitEntity> findAllByOrderByServicePointAscCodeAsc();
}

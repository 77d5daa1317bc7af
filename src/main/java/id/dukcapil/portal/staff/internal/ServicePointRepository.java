package id.dukcapil.portal.staff.internal;

import id.dukcapil.portal.staff.ServicePointKind;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The office's service points ({@code staff_service_point}). */
public interface ServicePointRepository extends JpaRepository<ServicePointEntity, Long> {

    Optional<ServicePointEntity> findByCode(String code);

    boolean existsByCode(String code);

    boolean existsByKind(ServicePointKind kind);

    /** Every point, active or not, by kind and name: the administrator's list. */
    List<ServicePointEntity> findAllByOrderByKindAscNameAsc();

    /** The active points, by kind (the Dinas, the MPPs, the UKLs) and name. */
    List<ServicePointEntity> findByActiveTrueOrderByKindAscNameAsc();
}

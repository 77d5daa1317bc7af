package id.dukcapil.portal.staff.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ServicePointRepository extends JpaRepository<ServicePointEntity, Long> {

    Optional<ServicePointEntity> findByCode(String code);

    List<ServicePointEntity> findByActiveTrueOrderByKindAscNameAsc();
}

package id.dukcapil.portal.staff;

import id.dukcapil.portal.shared.ServicePointNames;
import id.dukcapil.portal.staff.internal.ServicePointEntity;
import id.dukcapil.portal.staff.internal.ServicePointRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The office's service points. */
@Service
public class ServicePoints implements ServicePointNames {

    private final ServicePointRepository repository;

    ServicePoints(ServicePointRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public List<ServicePoint> active() {
        return repository.findByActiveTrueOrderByKindAscNameAsc().stream().map(ServicePointEntity::toRecord).toList();
    }

    @Transactional(readOnly = true)
    public Optional<ServicePoint> byCode(String code) {
        return repository.findByCode(code).map(ServicePointEntity::toRecord);
    }

    @Override
    @Transactional(readOnly = true)
    public String nameOf(String code) {
        return byCode(code).map(ServicePoint::name).orElse(code);
    }
}

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

    private final ServicePointRepository points;

    ServicePoints(ServicePointRepository points) {
        this.points = points;
    }

    @Transactional(readOnly = true)
    public List<ServicePoint> active() {
        return points.findByActiveTrueOrderByKindAscNameAsc().stream().map(ServicePointEntity::toRecord).toList();
    }

    @Transactional(readOnly = true)
    public Optional<ServicePoint> byCode(String code) {
        return points.findByCode(code).map(ServicePointEntity::toRecord);
    }

    @Override
    @Transactional(readOnly = true)
    public String nameOf(String code) {
        return byCode(code).map(ServicePoint::name).orElse(code);
    }
}

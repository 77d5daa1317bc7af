package id.dukcapil.portal.staff;

import id.dukcapil.portal.shared.ServicePointNames;
import id.dukcapil.portal.staff.internal.ServicePointStore;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The office's service points. */
@Service
public class ServicePoints implements ServicePointNames {

    private final ServicePointStore store;

    ServicePoints(ServicePointStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    public List<ServicePoint> active() {
        return store.active();
    }

    @Transactional(readOnly = true)
    public Optional<ServicePoint> byCode(String code) {
        return store.byCode(code);
    }

    @Override
    @Transactional(readOnly = true)
    public String nameOf(String code) {
        return byCode(code).map(ServicePoint::name).orElse(code);
    }
}

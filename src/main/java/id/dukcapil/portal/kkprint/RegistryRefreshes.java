package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.kkprint.internal.KkRequestRepository;
import id.dukcapil.portal.population.PopulationChanged;
import id.dukcapil.portal.shared.KkNumber;
import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An import of a SIAK extract changed a family with an open request (a member's data, a member gone, the address):
 * the request is marked, and the verifier's review says so above the changes it lists (decision 099).
 */
@Component
class RegistryRefreshes {

    private final KkRequestRepository store;
    private final Clock clock;

    RegistryRefreshes(KkRequestRepository store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PopulationChanged changed) {
        var kkNumbers = changed.families().stream().map(KkNumber::value).toList();
        if (!kkNumbers.isEmpty()) {
            store.markRegistryRefreshed(kkNumbers, clock.instant());
        }
    }
}

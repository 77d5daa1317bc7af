package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.kkprint.internal.RequestStore;
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

    private final RequestStore store;
    private final Clock clock;

    RegistryRefreshes(RequestStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PopulationChanged changed) {
        store.markRegistryRefreshed(changed.families().stream().map(KkNumber::value).toList(), clock.instant());
    }
}

package id.dukcapil.portal.ikd.demo;

import id.dukcapil.portal.ikd.internal.RegistrationRepository;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.annotation.Profile;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A demo resident who may activate an IKD: a printed KTP-el and no registration yet, with the number of the family
 * card that proves them (the demo's generated population only: the demo profile has no real resident).
 */
@Component
@Profile("demo")
class DemoResidents {

    private final PopulationRegistry registry;
    private final RegistrationRepository registrations;

    DemoResidents(PopulationRegistry registry, RegistrationRepository registrations) {
        this.registry = registry;
        this.registrations = registrations;
    }

    record Sample(String nik, String kkNumber) {
    }

    @Transactional(readOnly = true)
    Optional<Sample> sample() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String prefix = String.valueOf((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
            for (Resident resident : registry.findByName(prefix, PageRequest.of(0, 50))) {
                if (!registry.cardHistory(resident.nik()).isEmpty()
                        && registrations.stateOfNik(resident.nik().value()).isEmpty()) {
                    return registry.findFamily(resident.familyId())
                            .map(family -> new Sample(resident.nik().value(), family.kkNumber().value()));
                }
            }
        }
        return Optional.empty();
    }
}

package id.dukcapil.portal.ikd.demo;

import id.dukcapil.portal.ikd.internal.RegistrationRepository;
import id.dukcapil.portal.population.GeneratedResidents;
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
 * card that proves them. Only a resident the portal generated itself is handed out: were a demo ever loaded with a
 * SIAK extract, its page would hand no visitor a real resident's proof (issue 52 item 10).
 */
@Component
@Profile("demo")
class DemoResidents {

    private final PopulationRegistry registry;
    private final RegistrationRepository registrations;
    private final GeneratedResidents generated;

    DemoResidents(PopulationRegistry registry, RegistrationRepository registrations, GeneratedResidents generated) {
        this.registry = registry;
        this.registrations = registrations;
        this.generated = generated;
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
                    Optional<Sample> sample = registry.findFamily(resident.familyId())
                            .filter(family -> generated.generated(resident.nik(), family.kkNumber()))
                            .map(family -> new Sample(resident.nik().value(), family.kkNumber().value()));
                    if (sample.isPresent()) {
                        return sample;
                    }
                }
            }
        }
        return Optional.empty();
    }
}

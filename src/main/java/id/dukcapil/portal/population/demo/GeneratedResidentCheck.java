package id.dukcapil.portal.population.demo;

import id.dukcapil.portal.population.GeneratedResidents;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.population.internal.GenerationEntity;
import id.dukcapil.portal.population.internal.GenerationRepository;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.region.Regions;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Makes the last generated regency again from its recorded inputs (the generator is deterministic in its villages,
 * seed and day) and remembers its NIK and family card pairs. Nothing else marks a resident as generated: a resident
 * loaded from an extract is never in the set, whatever the register's tables say.
 */
@Component
class GeneratedResidentCheck implements GeneratedResidents {

    /** The demo's regency has 2,000 families; a benchmark's 1.2 million would take seconds and half a gigabyte. */
    static final int MAX_FAMILIES = 20_000;

    private final GenerationRepository generations;
    private final Regions regions;
    private volatile @Nullable Made made;

    GeneratedResidentCheck(GenerationRepository generations, Regions regions) {
        this.generations = generations;
        this.regions = regions;
    }

    private record Made(long generation, Set<String> members) {
    }

    @Override
    public boolean generated(Nik nik, KkNumber kkNumber) {
        return members().map(members -> members.contains(key(nik, kkNumber))).orElse(false);
    }

    private Optional<Set<String>> members() {
        Optional<GenerationEntity> last = generations.findFirstByOrderByIdDesc()
                .filter(generation -> generation.families() <= MAX_FAMILIES);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        GenerationEntity generation = last.get();
        long id = generation.id() == null ? 0 : generation.id();
        Made known = made;
        if (known == null || known.generation() != id) {
            known = new Made(id, makeAgain(generation));
            made = known;
        }
        return Optional.of(known.members());
    }

    private Set<String> makeAgain(GenerationEntity generation) {
        Set<String> members = new HashSet<>();
        new DemoPopulationGenerator(regions.villagesOfRegency(generation.regency()), generation.seed(), generation.asOf())
                .generate(generation.families(), family -> {
                    for (Resident member : family.family().members()) {
                        members.add(key(member.nik(), family.family().kkNumber()));
                    }
                });
        return Set.copyOf(members);
    }

    private static String key(Nik nik, KkNumber kkNumber) {
        return nik.value() + "/" + kkNumber.value();
    }
}

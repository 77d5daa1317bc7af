package id.dukcapil.portal.population.demo;

import id.dukcapil.portal.population.internal.GenerationEntity;
import id.dukcapil.portal.population.internal.GenerationRepository;
import id.dukcapil.portal.population.internal.PopulationBulkLoader;
import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.shared.region.Region;
import id.dukcapil.portal.shared.region.Regions;
import id.dukcapil.portal.shared.tx.DemoDataFill;
import id.dukcapil.portal.shared.tx.FirstStart;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills empty population tables with a generated regency at start: the demo profile asks for a small one
 * ({@code portal.population.generate.families: 2000}); {@code --portal.population.generate.families=1200000}
 * generates Kabupaten Bandung at full size. Never touches tables that already hold residents.
 */
@Component
class DemoPopulation {

    private static final Logger log = LoggerFactory.getLogger(DemoPopulation.class);

    private final PopulationBulkLoader loader;
    private final Regions regions;
    private final AuditLog auditLog;
    private final Clock clock;
    private final int families;
    private final long seed;
    private final String regency;
    private final FirstStart firstStart;
    private final GenerationRepository generations;

    DemoPopulation(FirstStart firstStart, PopulationBulkLoader loader, GenerationRepository generations,
                   Regions regions, AuditLog auditLog, Clock clock,
                   @Value("${portal.population.generate.families:0}") int families,
                   @Value("${portal.population.generate.seed:2026}") long seed,
                   @Value("${portal.population.generate.regency:32.04}") String regency) {
        this.firstStart = firstStart;
        this.loader = loader;
        this.generations = generations;
        this.regions = regions;
        this.auditLog = auditLog;
        this.clock = clock;
        this.families = families;
        this.seed = seed;
        this.regency = regency;
    }

    @EventListener(DemoDataFill.class)
    @Order(DemoDataFill.POPULATION)
    void fill() {
        firstStart.exclusively("demo population", this::generate);
    }

    private void generate() {
        if (families <= 0 || !loader.populationEmpty()) {
            return;
        }
        List<Region> villages = regions.villagesOfRegency(regency);
        LocalDate today = LocalDate.now(clock);
        long started = System.nanoTime();
        PopulationBulkLoader.Loaded loaded = loader.load(new DemoPopulationGenerator(villages, seed, today)::next, families);
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("Generated population of {}: {} families, {} residents, {} cards in {} ms (seed {}, as of {})",
                regency, loaded.families(), loaded.residents(), loaded.cards(), millis, seed, today);
        // The generator's inputs, so that these residents can be told from any loaded later (GeneratedResidentCheck).
        generations.save(new GenerationEntity(regency, seed, today, families, clock.instant()));
        auditLog.record(Actor.system("demo"), AuditRecord.success("population.generated", "Regency", regency)
                .withDetail("%d families, %d residents, %d cards; seed %d, as of %s".formatted(loaded.families(),
                        loaded.residents(), loaded.cards(), seed, today)));
    }
}

package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.population.demo.DemoPopulationGenerator;
import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.region.Regions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the demo profile loaded at start is exactly what the generator makes from the same seed and day. */
@PortalTest
class PopulationBulkLoaderTests {

    @Autowired PopulationRegistry registry;
    @Autowired Regions regions;
    @Autowired Clock clock;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_loaded_families_residents_and_cards_are_the_generated_ones() {
        List<GeneratedFamily> generated = new ArrayList<>();
        // The day the demo's generation took as today, as it recorded it (decision 189): a suite that crosses midnight
        // would otherwise make other NIKs than the loader did.
        LocalDate asOf = jdbc.queryForObject("SELECT as_of FROM population_generation WHERE regency = '32.04' "
                + "ORDER BY id LIMIT 1", LocalDate.class);
        new DemoPopulationGenerator(regions.villagesOfRegency("32.04"), 2026, asOf).generate(50, generated::add);
        // Other tests share the database and print cards for demo residents later (e.g. at the counter);
        // the loader's cards are the ones printed before the population's date.
        var loadedBefore = asOf.atStartOfDay(clock.getZone()).toInstant();

        for (GeneratedFamily expected : generated) {
            Family loaded = registry.findFamily(expected.family().id()).orElseThrow();
            assertThat(loaded.kkNumber()).isEqualTo(expected.family().kkNumber());
            assertThat(loaded.address()).isEqualTo(expected.family().address());
            // The KTP-el record's state is the one field other procedures move on (SOP C and D record demo
            // residents in the shared database); everything else is as the generator made it.
            assertThat(loaded.members()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("enrolmentStatus")
                    .containsExactlyInAnyOrderElementsOf(expected.family().members());
            for (Resident member : loaded.members()) {
                assertThat(registry.cardHistory(member.nik()).stream()
                        .filter(card -> card.printedAt().isBefore(loadedBefore)).toList()).containsExactlyElementsOf(expected.cards().stream()
                        .filter(card -> card.residentId() == member.id()).map(GeneratedFamily.Card::print).toList());
            }
        }
    }

    @Test
    void missing_values_are_stored_as_null_not_as_text() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM population_resident WHERE email IS NULL", Long.class))
                .isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM population_resident WHERE email IN ('N', '\\\\N', '') "
                + "OR phone IN ('N', '\\\\N', '') OR father_name IN ('N', '\\\\N', '')", Long.class)).isZero();
    }
}

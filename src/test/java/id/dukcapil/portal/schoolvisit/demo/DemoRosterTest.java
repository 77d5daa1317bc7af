package id.dukcapil.portal.schoolvisit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.MaritalStatus;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.population.demo.DemoPopulationGenerator;
import id.dukcapil.portal.population.internal.GeneratedFamily;
import id.dukcapil.portal.schoolvisit.demo.DemoRoster.Candidate;
import id.dukcapil.portal.schoolvisit.demo.DemoRoster.Row;
import id.dukcapil.portal.shared.region.Region;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The demo school's roster (README, SOP D on one machine): the walk's students — never recorded, 17 on the day — are
 * on it in the class the README names, beside the students step 3 sends elsewhere; and the demo population has such
 * students whatever the day of the first start.
 */
class DemoRosterTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    /** The demo profile's population (application-demo.yaml): its size and seed. */
    private static final int DEMO_FAMILIES = 2000;
    private static final long DEMO_SEED = 2026;

    @Test
    void the_never_recorded_students_of_17_come_first_in_the_class_the_readme_names() {
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(candidate("captured", 17, EnrolmentStatus.BIOMETRICS_CAPTURED, false));
        IntStream.range(0, 20).forEach(i -> candidates.add(candidate("printed" + i, 17, EnrolmentStatus.PRINT_READY, true)));
        IntStream.range(0, 20).forEach(i -> candidates.add(candidate("sixteen" + i, 16, EnrolmentStatus.NOT_RECORDED, false)));
        candidates.add(candidate("never", 17, EnrolmentStatus.NOT_RECORDED, false));
        candidates.add(candidate("failed", 18, EnrolmentStatus.ENROLMENT_FAILED, false));

        List<Row> roster = DemoRoster.choose(candidates, DAY);

        assertThat(roster).hasSize(DemoRoster.SIZE);
        assertThat(roster.subList(0, 2)).extracting(Row::nik).containsExactly("never", "failed");
        assertThat(roster).filteredOn(row -> row.className().equals(DemoRoster.WALK_CLASS)).extracting(Row::nik)
                .containsExactly("never", "failed");
        assertThat(roster).filteredOn(row -> row.className().equals(DemoRoster.SIXTEEN_CLASS))
                .allMatch(row -> row.nik().startsWith("sixteen")).hasSize(11);
        assertThat(roster).filteredOn(row -> row.className().equals(DemoRoster.OLDER_CLASS)).extracting(Row::nik)
                .contains("captured", "printed0").doesNotContain("never", "failed");
    }

    @Test
    void a_school_of_few_students_lists_them_all() {
        List<Candidate> candidates = List.of(candidate("a", 16, EnrolmentStatus.NOT_RECORDED, false),
                candidate("b", 17, EnrolmentStatus.PRINT_READY, true));
        assertThat(DemoRoster.choose(candidates, DAY)).extracting(Row::nik).containsExactlyInAnyOrder("a", "b");
    }

    /** The first start may fall on any day: the demo population of that day has students for the walk. */
    @Test
    void the_demo_population_gives_the_walk_its_students_on_any_day_of_a_year() throws IOException {
        List<Region> villages = villagesOfKabupatenBandung();
        for (int week = 0; week < 52; week += 13) {
            LocalDate day = DAY.plusWeeks(week);
            List<Row> roster = DemoRoster.choose(studentsOf(new DemoPopulationGenerator(villages, DEMO_SEED, day), day),
                    day);
            assertThat(roster).as("the roster on %s", day).hasSize(DemoRoster.SIZE);
            assertThat(roster).as("the walk's students on %s", day)
                    .filteredOn(row -> row.className().equals(DemoRoster.WALK_CLASS)).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    /** The candidates as DemoSchools reads them from the register: 16 to 18, never married, in the register's order. */
    private static List<Candidate> studentsOf(DemoPopulationGenerator generator, LocalDate day) {
        List<Candidate> candidates = new ArrayList<>();
        generator.generate(DEMO_FAMILIES, family -> {
            Set<Long> withCards = new HashSet<>();
            family.cards().forEach(card -> withCards.add(card.residentId()));
            for (Resident resident : family.family().members()) {
                if (!resident.birthDate().isBefore(day.minusYears(18)) && !resident.birthDate().isAfter(day.minusYears(16))
                        && resident.maritalStatus() == MaritalStatus.NEVER_MARRIED) {
                    candidates.add(new Candidate(resident.nik().value(), resident.fullName(), resident.birthDate(),
                            resident.enrolmentStatus(), withCards.contains(resident.id())));
                }
            }
        });
        return candidates;
    }

    private static Candidate candidate(String nik, int age, EnrolmentStatus status, boolean cardPrinted) {
        return new Candidate(nik, "Siswa " + nik, DAY.minusYears(age).minusDays(30), status, cardPrinted);
    }

    private static List<Region> villagesOfKabupatenBandung() throws IOException {
        try (InputStream in = DemoRosterTest.class.getClassLoader().getResourceAsStream("db/data/shared/villages.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.split(",", 3)).filter(cells -> cells[0].startsWith("32.04."))
                    .map(cells -> new Region(cells[0], cells[2], cells[1])).toList();
        }
    }
}

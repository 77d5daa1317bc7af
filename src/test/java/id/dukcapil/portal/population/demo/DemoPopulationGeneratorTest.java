package id.dukcapil.portal.population.demo;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.population.internal.GeneratedFamily;
import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.MaritalStatus;
import id.dukcapil.portal.population.Relationship;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.NumberCheck;
import id.dukcapil.portal.shared.RegionDirectory;
import id.dukcapil.portal.shared.Sex;
import id.dukcapil.portal.shared.region.Region;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo population: repeatable from its seed, and every person and family as the register would hold them. */
class DemoPopulationGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static List<Region> villages;
    private static RegionDirectory districts;
    private static List<GeneratedFamily> population;

    @BeforeAll
    static void kabupaten_bandung_from_the_region_data() throws IOException {
        villages = csv("db/data/shared/villages.csv").stream().filter(cells -> cells[0].startsWith("32.04."))
                .map(cells -> new Region(cells[0], cells[2], cells[1])).toList();
        Set<String> districtCodes = csv("db/data/shared/districts.csv").stream().map(cells -> cells[0])
                .collect(Collectors.toSet());
        districts = districtCodes::contains;
        population = generate(2026, 20_000);
    }

    @Test
    void the_same_seed_gives_the_same_population() {
        assertThat(generate(2026, 2_000)).isEqualTo(population.subList(0, 2_000));
    }

    @Test
    void another_seed_gives_another_population() {
        assertThat(generate(7, 50)).isNotEqualTo(population.subList(0, 50));
    }

    @Test
    void every_nik_passes_the_nik_rules_and_agrees_with_its_person() {
        Set<String> seen = new HashSet<>();
        for (Resident resident : residents()) {
            NumberCheck<Nik> check = Nik.check(resident.nik().value(), districts);
            assertThat(check.errors()).as(resident.nik().value()).isEmpty();
            assertThat(check.warnings()).as(resident.nik().value()).isEmpty();
            assertThat(resident.nikDisagreements()).as(resident.nik().value()).isEmpty();
            assertThat(resident.nik().regencyCode()).isEqualTo("32.04");
            assertThat(resident.nik().birthDate(TODAY)).isEqualTo(resident.birthDate());
            assertThat(seen.add(resident.nik().value())).as("unique " + resident.nik()).isTrue();
        }
    }

    @Test
    void every_kk_number_is_valid_unique_and_issued_in_the_familys_district() {
        Set<String> seen = new HashSet<>();
        for (GeneratedFamily generated : population) {
            Family family = generated.family();
            NumberCheck<KkNumber> check = KkNumber.check(family.kkNumber().value(), districts);
            assertThat(check.errors()).isEmpty();
            assertThat(check.warnings()).isEmpty();
            assertThat(family.kkNumber().districtCode()).isEqualTo(family.address().districtCode());
            assertThat(family.kkNumber().issuedOn(TODAY)).isBeforeOrEqualTo(TODAY);
            assertThat(seen.add(family.kkNumber().value())).isTrue();
        }
    }

    @Test
    void every_family_has_one_head_and_spouses_are_married_to_each_other() {
        for (GeneratedFamily generated : population) {
            List<Resident> members = generated.family().members();
            assertThat(members.stream().filter(m -> m.relationship() == Relationship.HEAD)).hasSize(1);
            Resident head = generated.family().head().orElseThrow();
            assertThat(Eligibility.ageOn(head.birthDate(), TODAY)).isGreaterThanOrEqualTo(19);
            members.stream().filter(m -> m.relationship() == Relationship.WIFE).forEach(wife -> {
                assertThat(wife.sex()).isEqualTo(Sex.FEMALE);
                assertThat(wife.maritalStatus()).isEqualTo(MaritalStatus.MARRIED);
                assertThat(head.sex()).isEqualTo(Sex.MALE);
                assertThat(head.maritalStatus()).isEqualTo(MaritalStatus.MARRIED);
                assertThat(Eligibility.ageOn(wife.birthDate(), TODAY)).isGreaterThanOrEqualTo(19);
            });
            members.forEach(member -> assertThat(member.familyId()).isEqualTo(generated.family().id()));
        }
    }

    @Test
    void children_are_born_to_their_mother_between_her_19th_and_43rd_birthday() {
        int checked = 0;
        for (GeneratedFamily generated : population) {
            List<Resident> members = generated.family().members();
            var wife = members.stream().filter(m -> m.relationship() == Relationship.WIFE).findFirst();
            if (wife.isEmpty()) {
                continue;
            }
            for (Resident child : members) {
                if (child.relationship() == Relationship.CHILD && child.maritalStatus() == MaritalStatus.NEVER_MARRIED) {
                    assertThat(child.motherName()).isEqualTo(wife.get().fullName());
                    assertThat(child.fatherName()).isEqualTo(generated.family().head().orElseThrow().fullName());
                    int motherAge = Eligibility.ageOn(wife.get().birthDate(), child.birthDate());
                    assertThat(motherAge).as(child.nik().value()).isBetween(19, 42);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }

    @Test
    void enrolment_statuses_spread_like_a_real_regency() {
        Map<EnrolmentStatus, Integer> adults = new EnumMap<>(EnrolmentStatus.class);
        int minorsRecordedEarly = 0;
        for (Resident resident : residents()) {
            boolean due = Eligibility.ktpRecording(resident.birthDate(), resident.maritalStatus(), TODAY).eligible();
            if (due) {
                adults.merge(resident.enrolmentStatus(), 1, Integer::sum);
            } else if (resident.enrolmentStatus() != EnrolmentStatus.NOT_RECORDED) {
                assertThat(Eligibility.ageOn(resident.birthDate(), TODAY)).isEqualTo(Eligibility.SCHOOL_RECORDING_AGE);
                minorsRecordedEarly++;
            }
        }
        int total = adults.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(adults.keySet()).containsExactlyInAnyOrder(EnrolmentStatus.values());
        assertThat(adults.get(EnrolmentStatus.PRINT_READY) / (double) total).isBetween(0.85, 0.95);
        assertThat(adults.get(EnrolmentStatus.DUPLICATE_RECORD) / (double) total).isBetween(0.002, 0.03);
        assertThat(minorsRecordedEarly).isPositive();
    }

    @Test
    void cards_are_printed_only_for_print_ready_records_of_those_due_and_never_in_the_future() {
        Map<Long, Resident> byId = residents().stream().collect(Collectors.toMap(Resident::id, r -> r));
        int cards = 0;
        for (GeneratedFamily generated : population) {
            for (GeneratedFamily.Card card : generated.cards()) {
                Resident owner = byId.get(card.residentId());
                assertThat(owner.enrolmentStatus()).isEqualTo(EnrolmentStatus.PRINT_READY);
                LocalDate printed = LocalDate.ofInstant(card.print().printedAt(), java.time.ZoneId.of("Asia/Jakarta"));
                assertThat(printed).isBeforeOrEqualTo(TODAY).isAfterOrEqualTo(DemoCardPrints.KTP_EL_ROLLOUT);
                cards++;
            }
        }
        assertThat(cards).isGreaterThan(residents().size() / 2);
    }

    @Test
    void a_family_has_about_three_members_as_in_kabupaten_bandung() {
        double average = residents().size() / (double) population.size();
        assertThat(average).isBetween(2.9, 3.3);
    }

    private static List<Resident> residents() {
        return population.stream().flatMap(generated -> generated.family().members().stream()).toList();
    }

    private static List<GeneratedFamily> generate(long seed, int families) {
        List<GeneratedFamily> result = new ArrayList<>();
        new DemoPopulationGenerator(villages, seed, TODAY).generate(families, result::add);
        return result;
    }

    private static List<String[]> csv(String resource) throws IOException {
        try (InputStream in = DemoPopulationGeneratorTest.class.getClassLoader().getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Only the first two cells (codes) matter here; names with commas are quoted at the end of the line.
            return text.lines().skip(1).map(line -> line.split(",", 3)).toList();
        }
    }
}

package id.dukcapil.portal.population.demo;

import id.dukcapil.portal.population.Address;
import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.FamilyId;
import id.dukcapil.portal.population.Relationship;
import id.dukcapil.portal.population.Religion;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.population.internal.GeneratedFamily;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.region.Region;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Generates a regency's population, family by family, deterministically: the same villages, seed and reference
 * date give the same families, which is what lets the demo recognise its own residents by making them again. Puts a
 * family together from its parts — who lives together ({@link DemoHouseholds}), their numbers ({@link DemoNumbering}),
 * what the register records of them ({@link DemoRecordDetails}) and their cards ({@link DemoCardPrints}) — all drawing
 * from one random source, in an order that must not change.
 */
public final class DemoPopulationGenerator {

    private final List<Region> villages;
    private final SplittableRandom random;
    private final LocalDate today;
    private final DemoDates dates;
    private final DemoHouseholds households;
    private final DemoNumbering numbering;
    private final DemoRecordDetails details;
    private final DemoCardPrints cardPrints;
    private long nextFamilyId = 1;
    private long nextResidentId = 1;

    /**
     * @param villages the regency's villages; their order is part of what makes the result repeatable
     * @param today    the reference date: ages, statuses and cards are as of this day
     */
    public DemoPopulationGenerator(List<Region> villages, long seed, LocalDate today) {
        if (villages.isEmpty()) {
            throw new IllegalArgumentException("No villages to place families in");
        }
        this.villages = List.copyOf(villages);
        this.random = new SplittableRandom(seed);
        this.today = today;
        this.dates = new DemoDates(random, today);
        this.households = new DemoHouseholds(random, dates);
        this.numbering = new DemoNumbering(this.villages);
        this.details = new DemoRecordDetails(random);
        this.cardPrints = new DemoCardPrints(random, numbering, today);
    }

    public void generate(int families, Consumer<GeneratedFamily> sink) {
        for (int i = 0; i < families; i++) {
            sink.accept(next());
        }
    }

    public GeneratedFamily next() {
        int villageIndex = random.nextInt(villages.size());
        int district = numbering.districtOfVillage(villageIndex);
        boolean christian = random.nextDouble() < 0.011;
        Religion religion = details.religion(christian);
        DemoHouseholds.Household household = households.next(christian);
        return family(household.people(), villageIndex, district, religion, household.formed());
    }

    private GeneratedFamily family(List<DemoPerson> people, int villageIndex, int district, Religion religion,
                                   LocalDate formed) {
        long familyId = nextFamilyId++;
        LocalDate latest = formed;
        for (DemoPerson person : people) {
            if (person.birthDate.isAfter(latest)) {
                latest = person.birthDate;
            }
        }
        LocalDate issuedOn = dates.dateBetween(DemoDates.later(latest, DemoHouseholds.FIRST_KK_ISSUE), today);
        KkNumber kk = numbering.kkNumber(district, issuedOn);
        List<Resident> members = new ArrayList<>();
        List<GeneratedFamily.Card> cards = new ArrayList<>();
        for (DemoPerson person : people) {
            // A tenth of those who came from elsewhere in the regency keep the NIK of their first district.
            int nikDistrict = person.relationship != Relationship.CHILD && random.nextDouble() < 0.1
                    ? random.nextInt(numbering.districts()) : district;
            Nik nik = numbering.nik(nikDistrict, person.birthDate, person.sex);
            long residentId = nextResidentId++;
            int age = Eligibility.ageOn(person.birthDate, today);
            boolean due = Eligibility.ktpRecording(person.birthDate, person.marital, today).eligible();
            EnrolmentStatus status = details.enrolment(age, due);
            members.add(new Resident(residentId, FamilyId.of(familyId), nik, person.name, person.birthPlace,
                    person.birthDate, person.sex, religion, person.marital, person.relationship,
                    details.education(age, person.birthDate), details.occupation(age, person),
                    person.father, person.mother, details.email(age, person), details.phone(age), status));
            if (status == EnrolmentStatus.PRINT_READY && due) {
                cardPrints.printFor(residentId, person.birthDate, district, cards);
            }
        }
        Address address = details.address(villages.get(villageIndex));
        return new GeneratedFamily(new Family(FamilyId.of(familyId), kk, address, members), cards);
    }
}

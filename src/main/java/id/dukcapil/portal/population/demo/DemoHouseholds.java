package id.dukcapil.portal.population.demo;

import static id.dukcapil.portal.population.demo.DemoDates.later;

import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.population.MaritalStatus;
import id.dukcapil.portal.population.Relationship;
import id.dukcapil.portal.shared.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Who lives together on one family card, in the shares of Kabupaten Bandung: couples with their children, a widowed
 * parent taken in, three generations, single parents, people living alone, now and then a relative or a helper.
 * Members are consistent — spouses married at plausible ages, children born to a mother aged 19–42 after the
 * marriage, grown children mostly moved out. Numbers and records are not its business: only people and dates.
 */
final class DemoHouseholds {

    /** A family card is not older than the register's first issue in the portal's data. */
    static final LocalDate FIRST_KK_ISSUE = LocalDate.of(2010, 1, 1);

    private static final List<String> BIRTH_PLACES = List.of("Garut", "Tasikmalaya", "Cianjur", "Sumedang",
            "Ciamis", "Subang", "Kuningan", "Cirebon", "Majalengka", "Jakarta", "Bogor", "Purwakarta", "Cimahi",
            "Bandung Barat", "Indramayu", "Brebes", "Tegal", "Surakarta", "Yogyakarta", "Semarang");
    private static final List<String> LOCAL_BIRTH_PLACES = List.of("Bandung", "Bandung", "Bandung", "Bandung",
            "Soreang", "Majalaya", "Banjaran", "Cicalengka", "Ciparay", "Baleendah");

    private final SplittableRandom random;
    private final DemoDates dates;
    private final LocalDate today;

    DemoHouseholds(SplittableRandom random, DemoDates dates) {
        this.random = random;
        this.dates = dates;
        this.today = dates.today();
    }

    /** The people of one household, head first, and the day the household was formed (a wedding, mostly). */
    record Household(List<DemoPerson> people, LocalDate formed) {
    }

    Household next(boolean christian) {
        List<DemoPerson> people = new ArrayList<>();
        LocalDate formed = FIRST_KK_ISSUE;
        double type = random.nextDouble();
        if (type < 0.63) {
            formed = couple(people, dates.between(22, 82), christian);
        } else if (type < 0.71) {
            formed = couple(people, dates.between(24, 60), christian);
            // A widowed parent of the husband (orang tua) or of the wife (mertua) lives with them.
            boolean husbandsSide = random.nextBoolean();
            DemoPerson child = people.get(husbandsSide ? 0 : 1);
            LocalDate birth = child.birthDate.minusYears(22 + random.nextInt(14)).minusDays(random.nextInt(365));
            DemoPerson parent = adult(random.nextDouble() < 0.75 ? Sex.FEMALE : Sex.MALE, birth,
                    husbandsSide ? Relationship.PARENT : Relationship.PARENT_IN_LAW, MaritalStatus.WIDOWED, christian);
            people.add(parent);
            if (parent.sex == Sex.MALE) {
                child.father = parent.name;
            } else {
                child.mother = parent.name;
            }
        } else if (type < 0.76) {
            formed = threeGenerations(people, christian);
        } else if (type < 0.88) {
            formed = singleParent(people, christian);
        } else if (type < 0.95) {
            people.add(adult(random.nextDouble() < 0.6 ? Sex.MALE : Sex.FEMALE, dates.birthForAge(19, 40),
                    Relationship.HEAD, MaritalStatus.NEVER_MARRIED, christian));
        } else {
            people.add(adult(random.nextDouble() < 0.7 ? Sex.FEMALE : Sex.MALE, dates.birthForAge(60, 92),
                    Relationship.HEAD, MaritalStatus.WIDOWED, christian));
        }
        if (people.size() > 1 && random.nextDouble() < 0.03) {
            people.add(adult(random.nextBoolean() ? Sex.MALE : Sex.FEMALE, dates.birthForAge(10, 25),
                    Relationship.OTHER_RELATIVE, MaritalStatus.NEVER_MARRIED, christian));
        }
        if (people.size() > 2 && random.nextDouble() < 0.015) {
            people.add(adult(Sex.FEMALE, dates.birthForAge(18, 50), Relationship.HOUSEHOLD_HELPER,
                    random.nextDouble() < 0.7 ? MaritalStatus.NEVER_MARRIED : MaritalStatus.DIVORCED, false));
        }
        return new Household(people, formed);
    }

    /** A married couple heading the card with the children still at home; returns the wedding day. */
    private LocalDate couple(List<DemoPerson> people, int husbandAge, boolean christian) {
        LocalDate husbandBirth = dates.birthForAge(husbandAge, husbandAge);
        LocalDate wifeBirth = husbandBirth.plusDays(random.nextInt(-365, 7 * 365));
        LocalDate latestForWife = today.minusYears(19);
        if (wifeBirth.isAfter(latestForWife)) {
            wifeBirth = latestForWife.minusDays(random.nextInt(365));
        }
        LocalDate wedding = later(Eligibility.birthday(husbandBirth, 21).plusDays(random.nextInt(9 * 365)),
                Eligibility.birthday(wifeBirth, 19).plusDays(random.nextInt(4 * 365)));
        if (wedding.isAfter(today)) {
            wedding = today.minusDays(random.nextInt(180));
        }
        DemoPerson husband = adult(Sex.MALE, husbandBirth, Relationship.HEAD, MaritalStatus.MARRIED, christian);
        DemoPerson wife = adult(Sex.FEMALE, wifeBirth, Relationship.WIFE, MaritalStatus.MARRIED, christian);
        people.add(husband);
        people.add(wife);
        children(people, husband.name, wife, wedding, Relationship.CHILD, christian);
        return wedding;
    }

    /** Grandparents heading the card, a married child with their spouse, and grandchildren. */
    private LocalDate threeGenerations(List<DemoPerson> people, boolean christian) {
        int elderAge = dates.between(52, 80);
        LocalDate wedding = couple(people, elderAge, christian);
        DemoPerson grandmother = people.get(1);
        // The married child: born to the couple, at least 21.
        LocalDate childBirth = later(wedding.plusDays(300 + random.nextInt(6 * 365)),
                Eligibility.birthday(grandmother.birthDate, 19));
        if (Eligibility.ageOn(childBirth, today) < 21) {
            childBirth = today.minusYears(21).minusDays(random.nextInt(3 * 365));
        }
        boolean son = random.nextBoolean();
        DemoPerson child = adult(son ? Sex.MALE : Sex.FEMALE, childBirth, Relationship.CHILD, MaritalStatus.MARRIED,
                christian);
        child.father = people.get(0).name;
        child.mother = grandmother.name;
        child.birthPlace = DemoNames.pick(random, LOCAL_BIRTH_PLACES);
        LocalDate spouseBirth = son ? childBirth.plusDays(random.nextInt(0, 5 * 365))
                : childBirth.minusDays(random.nextInt(0, 6 * 365));
        if (Eligibility.ageOn(spouseBirth, today) < 19) {
            spouseBirth = today.minusYears(19).minusDays(random.nextInt(365));
        }
        DemoPerson spouse = adult(son ? Sex.FEMALE : Sex.MALE, spouseBirth, Relationship.CHILD_IN_LAW,
                MaritalStatus.MARRIED, christian);
        people.add(child);
        people.add(spouse);
        DemoPerson mother = son ? spouse : child;
        DemoPerson father = son ? child : spouse;
        LocalDate childWedding = later(Eligibility.birthday(mother.birthDate, 19),
                Eligibility.birthday(father.birthDate, 21)).plusDays(random.nextInt(2 * 365));
        if (childWedding.isAfter(today)) {
            childWedding = today.minusDays(random.nextInt(200));
        }
        children(people, father.name, mother, childWedding, Relationship.GRANDCHILD, christian);
        return childWedding;
    }

    /** A widowed or divorced parent heading the card with the children. */
    private LocalDate singleParent(List<DemoPerson> people, boolean christian) {
        Sex sex = random.nextDouble() < 0.75 ? Sex.FEMALE : Sex.MALE;
        LocalDate birth = dates.birthForAge(28, 70);
        MaritalStatus status = random.nextDouble() < 0.55 ? MaritalStatus.WIDOWED : MaritalStatus.DIVORCED;
        DemoPerson parent = adult(sex, birth, Relationship.HEAD, status, christian);
        people.add(parent);
        LocalDate otherBirth = sex == Sex.FEMALE ? birth.minusDays(random.nextInt(5 * 365))
                : birth.plusDays(random.nextInt(5 * 365));
        String otherParent = DemoNames.name(random, sex == Sex.FEMALE ? Sex.MALE : Sex.FEMALE, otherBirth.getYear(),
                christian);
        LocalDate motherBirth = sex == Sex.FEMALE ? birth : otherBirth;
        LocalDate wedding = later(Eligibility.birthday(birth, sex == Sex.FEMALE ? 19 : 21),
                Eligibility.birthday(motherBirth, 19)).plusDays(random.nextInt(6 * 365));
        if (wedding.isAfter(today)) {
            wedding = today.minusDays(random.nextInt(365));
        }
        DemoPerson mother = sex == Sex.FEMALE ? parent : new DemoPerson(Sex.FEMALE, otherBirth, otherParent);
        children(people, sex == Sex.MALE ? parent.name : otherParent, mother, wedding, Relationship.CHILD, christian);
        return wedding;
    }

    private void children(List<DemoPerson> people, String fatherName, DemoPerson mother, LocalDate wedding,
                          Relationship relationship, boolean christian) {
        int wanted = childrenWanted();
        LocalDate birth = wedding.plusDays(280 + random.nextInt(700));
        LocalDate motherAt42 = Eligibility.birthday(mother.birthDate, 42);
        for (int born = 0; born < wanted && !birth.isAfter(today) && !birth.isAfter(motherAt42); born++) {
            int age = Eligibility.ageOn(birth, today);
            boolean movedOut = (age >= 24 && random.nextDouble() < 0.75) || (age >= 20 && random.nextDouble() < 0.25);
            if (!movedOut) {
                Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
                DemoPerson child = new DemoPerson(sex, birth, DemoNames.name(random, sex, birth.getYear(), christian));
                child.relationship = relationship;
                child.marital = MaritalStatus.NEVER_MARRIED;
                child.father = fatherName;
                child.mother = mother.name;
                child.birthPlace = DemoNames.pick(random, LOCAL_BIRTH_PLACES);
                people.add(child);
            }
            birth = birth.plusDays(365 + random.nextInt(5 * 365));
        }
    }

    private int childrenWanted() {
        double r = random.nextDouble();
        return r < 0.06 ? 0 : r < 0.24 ? 1 : r < 0.62 ? 2 : r < 0.85 ? 3 : r < 0.95 ? 4 : 5;
    }

    private DemoPerson adult(Sex sex, LocalDate birth, Relationship relationship, MaritalStatus marital,
                             boolean christian) {
        DemoPerson person = new DemoPerson(sex, birth, DemoNames.name(random, sex, birth.getYear(), christian));
        person.relationship = relationship;
        person.marital = marital;
        int parentsBirthYear = birth.getYear() - 25 - random.nextInt(10);
        person.father = DemoNames.name(random, Sex.MALE, parentsBirthYear, christian);
        person.mother = DemoNames.name(random, Sex.FEMALE, parentsBirthYear, christian);
        person.birthPlace = random.nextDouble() < 0.7 ? DemoNames.pick(random, LOCAL_BIRTH_PLACES)
                : DemoNames.pick(random, BIRTH_PLACES);
        return person;
    }
}

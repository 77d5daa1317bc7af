package id.dukcapil.portal.population.demo;

import id.dukcapil.portal.population.internal.GeneratedFamily;
import id.dukcapil.portal.population.demo.DemoNames;
import id.dukcapil.portal.population.Address;
import id.dukcapil.portal.population.CardPrint;
import id.dukcapil.portal.population.CardPrintReason;
import id.dukcapil.portal.population.Education;
import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.FamilyId;
import id.dukcapil.portal.population.MaritalStatus;
import id.dukcapil.portal.population.Relationship;
import id.dukcapil.portal.population.Religion;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Sex;
import id.dukcapil.portal.shared.region.Region;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Generates a regency's population, family by family, deterministically: the same villages, seed and reference
 * date give the same families. Members are consistent — spouses married at plausible ages, children born to a
 * mother aged 19–42 after the marriage, grown children mostly moved out — and every NIK encodes its person's
 * birth date and sex in a district of the regency with a serial unique for that district, date and sex.
 */
public final class DemoPopulationGenerator {

    /** KTP-el recording began nationally in 2011; no card is older. */
    static final LocalDate KTP_EL_ROLLOUT = LocalDate.of(2011, 10, 1);
    private static final LocalDate FIRST_KK_ISSUE = LocalDate.of(2010, 1, 1);
    private static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Jakarta");
    private static final int DAY_SLOTS = 12 * 31;

    private static final List<String> KAMPUNG = List.of("Babakan", "Sukamaju", "Cibodas", "Cijeruk", "Sukasari",
            "Pasir Kaliki", "Cikoneng", "Sindangsari", "Cipeujeuh", "Mekarsari", "Sukamanah", "Ciherang", "Cigentur",
            "Bojong", "Cibeureum", "Pamoyanan", "Nagrog", "Leuwigajah", "Cisaat", "Sirnagalih", "Margamulya",
            "Cikalong", "Rancamanyar", "Cijagra", "Bojongsari", "Cilame", "Pangauban", "Sukaresmi");
    private static final List<String> STREETS = List.of("Raya Soreang", "Terusan Kopo", "Raya Banjaran",
            "Raya Majalaya", "Raya Cicalengka", "Raya Dayeuhkolot", "Raya Bojongsoang", "Raya Ciwidey",
            "Raya Pangalengan", "Raya Rancaekek", "Raya Cileunyi", "Siliwangi", "Pahlawan", "Merdeka",
            "Mekar Indah", "Sukamenak", "Cibaduyut Raya", "Gading Tutuka", "Katapang Andir", "Al-Fathu");
    private static final List<String> BIRTH_PLACES = List.of("Garut", "Tasikmalaya", "Cianjur", "Sumedang",
            "Ciamis", "Subang", "Kuningan", "Cirebon", "Majalengka", "Jakarta", "Bogor", "Purwakarta", "Cimahi",
            "Bandung Barat", "Indramayu", "Brebes", "Tegal", "Surakarta", "Yogyakarta", "Semarang");
    private static final List<String> LOCAL_BIRTH_PLACES = List.of("Bandung", "Bandung", "Bandung", "Bandung",
            "Soreang", "Majalaya", "Banjaran", "Cicalengka", "Ciparay", "Baleendah");
    private static final List<String> MEN_OCCUPATIONS = List.of("Karyawan Swasta", "Karyawan Swasta",
            "Wiraswasta", "Wiraswasta", "Buruh Harian Lepas", "Buruh Harian Lepas", "Petani/Pekebun",
            "Buruh Tani/Perkebunan", "Pedagang", "Sopir", "Tukang Bangunan", "Buruh Pabrik", "Peternak");
    private static final List<String> WOMEN_OCCUPATIONS = List.of("Karyawan Swasta", "Wiraswasta", "Pedagang",
            "Buruh Harian Lepas", "Buruh Pabrik", "Penjahit", "Petani/Pekebun");
    private static final List<String> GRADUATE_OCCUPATIONS = List.of("Guru", "Pegawai Negeri Sipil",
            "Karyawan Swasta", "Karyawan BUMN", "Perawat", "Wiraswasta", "Dosen", "Bidan");
    private static final List<String> PHONE_PREFIXES = List.of("0812", "0813", "0821", "0822", "0852", "0853",
            "0857", "0858", "0878", "0877", "0896", "0895", "0838", "0831");

    private final List<Region> villages;
    private final List<String> districtDigits;
    private final int[] villageDistrict;
    private final SplittableRandom random;
    private final LocalDate today;
    /** Next NIK serial per district, two-digit year, day of the year and sex. */
    private final short[] nikSerials;
    /** Next KK serial per district and date of issue. */
    private final short[] kkSerials;
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
        this.districtDigits = List.copyOf(new TreeSet<>(villages.stream()
                .map(village -> village.code().substring(0, 8).replace(".", "")).toList()));
        this.villageDistrict = villages.stream()
                .mapToInt(village -> districtDigits.indexOf(village.code().substring(0, 8).replace(".", ""))).toArray();
        this.random = new SplittableRandom(seed);
        this.today = today;
        this.nikSerials = new short[districtDigits.size() * 100 * DAY_SLOTS * 2];
        this.kkSerials = new short[districtDigits.size() * 100 * DAY_SLOTS];
    }

    public void generate(int families, Consumer<GeneratedFamily> sink) {
        for (int i = 0; i < families; i++) {
            sink.accept(next());
        }
    }

    public GeneratedFamily next() {
        int villageIndex = random.nextInt(villages.size());
        int district = villageDistrict[villageIndex];
        boolean christian = random.nextDouble() < 0.011;
        Religion religion = religion(christian);
        List<Person> people = new ArrayList<>();
        LocalDate formed = FIRST_KK_ISSUE;
        double type = random.nextDouble();
        if (type < 0.63) {
            formed = couple(people, between(22, 82), christian, Relationship.HEAD, Relationship.WIFE, Relationship.CHILD);
        } else if (type < 0.71) {
            formed = couple(people, between(24, 60), christian, Relationship.HEAD, Relationship.WIFE, Relationship.CHILD);
            // A widowed parent of the husband (orang tua) or of the wife (mertua) lives with them.
            boolean husbandsSide = random.nextBoolean();
            Person child = people.get(husbandsSide ? 0 : 1);
            LocalDate birth = child.birthDate.minusYears(22 + random.nextInt(14)).minusDays(random.nextInt(365));
            Person parent = adult(random.nextDouble() < 0.75 ? Sex.FEMALE : Sex.MALE, birth,
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
            people.add(adult(random.nextDouble() < 0.6 ? Sex.MALE : Sex.FEMALE, birthForAge(19, 40), Relationship.HEAD,
                    MaritalStatus.NEVER_MARRIED, christian));
        } else {
            people.add(adult(random.nextDouble() < 0.7 ? Sex.FEMALE : Sex.MALE, birthForAge(60, 92), Relationship.HEAD,
                    MaritalStatus.WIDOWED, christian));
        }
        if (people.size() > 1 && random.nextDouble() < 0.03) {
            people.add(adult(random.nextBoolean() ? Sex.MALE : Sex.FEMALE, birthForAge(10, 25),
                    Relationship.OTHER_RELATIVE, MaritalStatus.NEVER_MARRIED, christian));
        }
        if (people.size() > 2 && random.nextDouble() < 0.015) {
            people.add(adult(Sex.FEMALE, birthForAge(18, 50), Relationship.HOUSEHOLD_HELPER,
                    random.nextDouble() < 0.7 ? MaritalStatus.NEVER_MARRIED : MaritalStatus.DIVORCED, false));
        }
        return family(people, villageIndex, district, religion, formed);
    }

    private GeneratedFamily family(List<Person> people, int villageIndex, int district, Religion religion,
                                   LocalDate formed) {
        long familyId = nextFamilyId++;
        LocalDate latest = formed;
        for (Person person : people) {
            if (person.birthDate.isAfter(latest)) {
                latest = person.birthDate;
            }
        }
        LocalDate issuedOn = dateBetween(latest.isBefore(FIRST_KK_ISSUE) ? FIRST_KK_ISSUE : latest, today);
        KkNumber kk = KkNumber.compose(districtDigits.get(district), issuedOn, serial(kkSerials,
                (district * 100 + issuedOn.getYear() % 100) * DAY_SLOTS + dayIndex(issuedOn)));
        List<Resident> members = new ArrayList<>();
        List<GeneratedFamily.Card> cards = new ArrayList<>();
        for (Person person : people) {
            // A tenth of those who came from elsewhere in the regency keep the NIK of their first district.
            int nikDistrict = person.relationship != Relationship.CHILD && random.nextDouble() < 0.1
                    ? random.nextInt(districtDigits.size()) : district;
            int sexBit = person.sex == Sex.FEMALE ? 1 : 0;
            int slot = ((nikDistrict * 100 + person.birthDate.getYear() % 100) * DAY_SLOTS + dayIndex(person.birthDate)) * 2
                    + sexBit;
            Nik nik = Nik.compose(districtDigits.get(nikDistrict), person.birthDate, person.sex, serial(nikSerials, slot));
            long residentId = nextResidentId++;
            int age = Eligibility.ageOn(person.birthDate, today);
            boolean due = Eligibility.ktpRecording(person.birthDate, person.marital, today).eligible();
            EnrolmentStatus status = enrolment(age, due);
            members.add(new Resident(residentId, FamilyId.of(familyId), nik, person.name, person.birthPlace, person.birthDate,
                    person.sex, religion, person.marital, person.relationship, education(age, person.birthDate),
                    occupation(age, person), person.father, person.mother, email(age, person), phone(age),
                    status));
            if (status == EnrolmentStatus.PRINT_READY && due) {
                cards(residentId, person.birthDate, district, cards);
            }
        }
        Region village = villages.get(villageIndex);
        Address address = new Address(street(), "%03d".formatted(1 + random.nextInt(12)),
                "%03d".formatted(1 + random.nextInt(15)), village.code());
        return new GeneratedFamily(new Family(FamilyId.of(familyId), kk, address, members), cards);
    }

    /** A married couple with the children still at home; returns the wedding day. */
    private LocalDate couple(List<Person> people, int husbandAge, boolean christian, Relationship husbandRole,
                             Relationship wifeRole, Relationship childRole) {
        LocalDate husbandBirth = birthForAge(husbandAge, husbandAge);
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
        Person husband = adult(Sex.MALE, husbandBirth, husbandRole, MaritalStatus.MARRIED, christian);
        Person wife = adult(Sex.FEMALE, wifeBirth, wifeRole, MaritalStatus.MARRIED, christian);
        people.add(husband);
        people.add(wife);
        children(people, husband.name, wife, wedding, childRole, christian);
        return wedding;
    }

    /** Grandparents heading the card, a married child with their spouse, and grandchildren. */
    private LocalDate threeGenerations(List<Person> people, boolean christian) {
        int elderAge = between(52, 80);
        LocalDate wedding = couple(people, elderAge, christian, Relationship.HEAD, Relationship.WIFE, Relationship.CHILD);
        Person grandmother = people.get(1);
        // The married child: born to the couple, at least 21.
        LocalDate childBirth = later(wedding.plusDays(300 + random.nextInt(6 * 365)),
                Eligibility.birthday(grandmother.birthDate, 19));
        if (Eligibility.ageOn(childBirth, today) < 21) {
            childBirth = today.minusYears(21).minusDays(random.nextInt(3 * 365));
        }
        boolean son = random.nextBoolean();
        Person child = adult(son ? Sex.MALE : Sex.FEMALE, childBirth, Relationship.CHILD, MaritalStatus.MARRIED, christian);
        child.father = people.get(0).name;
        child.mother = grandmother.name;
        child.birthPlace = DemoNames.pick(random, LOCAL_BIRTH_PLACES);
        LocalDate spouseBirth = son ? childBirth.plusDays(random.nextInt(0, 5 * 365))
                : childBirth.minusDays(random.nextInt(0, 6 * 365));
        if (Eligibility.ageOn(spouseBirth, today) < 19) {
            spouseBirth = today.minusYears(19).minusDays(random.nextInt(365));
        }
        Person spouse = adult(son ? Sex.FEMALE : Sex.MALE, spouseBirth, Relationship.CHILD_IN_LAW, MaritalStatus.MARRIED,
                christian);
        people.add(child);
        people.add(spouse);
        Person mother = son ? spouse : child;
        Person father = son ? child : spouse;
        LocalDate childWedding = later(Eligibility.birthday(mother.birthDate, 19), Eligibility.birthday(father.birthDate, 21))
                .plusDays(random.nextInt(2 * 365));
        if (childWedding.isAfter(today)) {
            childWedding = today.minusDays(random.nextInt(200));
        }
        children(people, father.name, mother, childWedding, Relationship.GRANDCHILD, christian);
        return childWedding;
    }

    /** A widowed or divorced parent heading the card with the children. */
    private LocalDate singleParent(List<Person> people, boolean christian) {
        Sex sex = random.nextDouble() < 0.75 ? Sex.FEMALE : Sex.MALE;
        LocalDate birth = birthForAge(28, 70);
        MaritalStatus status = random.nextDouble() < 0.55 ? MaritalStatus.WIDOWED : MaritalStatus.DIVORCED;
        Person parent = adult(sex, birth, Relationship.HEAD, status, christian);
        people.add(parent);
        LocalDate otherBirth = sex == Sex.FEMALE ? birth.minusDays(random.nextInt(5 * 365)) : birth.plusDays(random.nextInt(5 * 365));
        String otherParent = DemoNames.name(random, sex == Sex.FEMALE ? Sex.MALE : Sex.FEMALE, otherBirth.getYear(), christian);
        LocalDate motherBirth = sex == Sex.FEMALE ? birth : otherBirth;
        LocalDate wedding = later(Eligibility.birthday(birth, sex == Sex.FEMALE ? 19 : 21),
                Eligibility.birthday(motherBirth, 19)).plusDays(random.nextInt(6 * 365));
        if (wedding.isAfter(today)) {
            wedding = today.minusDays(random.nextInt(365));
        }
        Person mother = sex == Sex.FEMALE ? parent : new Person(Sex.FEMALE, otherBirth, otherParent);
        children(people, sex == Sex.MALE ? parent.name : otherParent, mother, wedding, Relationship.CHILD, christian);
        return wedding;
    }

    private void children(List<Person> people, String fatherName, Person mother, LocalDate wedding,
                          Relationship relationship, boolean christian) {
        int wanted = childrenWanted();
        LocalDate birth = wedding.plusDays(280 + random.nextInt(700));
        LocalDate motherAt42 = Eligibility.birthday(mother.birthDate, 42);
        for (int born = 0; born < wanted && !birth.isAfter(today) && !birth.isAfter(motherAt42); born++) {
            int age = Eligibility.ageOn(birth, today);
            boolean movedOut = (age >= 24 && random.nextDouble() < 0.75) || (age >= 20 && random.nextDouble() < 0.25);
            if (!movedOut) {
                Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
                Person child = new Person(sex, birth, DemoNames.name(random, sex, birth.getYear(), christian));
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

    private Person adult(Sex sex, LocalDate birth, Relationship relationship, MaritalStatus marital, boolean christian) {
        Person person = new Person(sex, birth, DemoNames.name(random, sex, birth.getYear(), christian));
        person.relationship = relationship;
        person.marital = marital;
        int parentsBirthYear = birth.getYear() - 25 - random.nextInt(10);
        person.father = DemoNames.name(random, Sex.MALE, parentsBirthYear, christian);
        person.mother = DemoNames.name(random, Sex.FEMALE, parentsBirthYear, christian);
        person.birthPlace = random.nextDouble() < 0.7 ? DemoNames.pick(random, LOCAL_BIRTH_PLACES)
                : DemoNames.pick(random, BIRTH_PLACES);
        return person;
    }

    private EnrolmentStatus enrolment(int age, boolean due) {
        double r = random.nextDouble();
        if (due) {
            return r < 0.915 ? EnrolmentStatus.PRINT_READY : r < 0.94 ? EnrolmentStatus.NOT_RECORDED
                    : r < 0.95 ? EnrolmentStatus.BIOMETRICS_CAPTURED : r < 0.965 ? EnrolmentStatus.SENT_FOR_ENROLMENT
                    : r < 0.99 ? EnrolmentStatus.ENROLMENT_FAILED : EnrolmentStatus.DUPLICATE_RECORD;
        }
        if (age == Eligibility.SCHOOL_RECORDING_AGE) {
            // Recorded at school, waiting for the 17th birthday to be printed (SOP D).
            return r < 0.15 ? EnrolmentStatus.PRINT_READY : r < 0.22 ? EnrolmentStatus.BIOMETRICS_CAPTURED
                    : r < 0.27 ? EnrolmentStatus.SENT_FOR_ENROLMENT : EnrolmentStatus.NOT_RECORDED;
        }
        return EnrolmentStatus.NOT_RECORDED;
    }

    private void cards(long residentId, LocalDate birthDate, int district, List<GeneratedFamily.Card> cards) {
        if (random.nextDouble() < 0.08) {
            return; // print-ready, waiting for a blanko
        }
        LocalDate first = later(KTP_EL_ROLLOUT, Eligibility.birthday(birthDate, Eligibility.KTP_AGE))
                .plusDays(random.nextInt(540));
        if (first.isAfter(today)) {
            return;
        }
        cards.add(card(residentId, first, district, CardPrintReason.FIRST));
        if (random.nextDouble() < 0.14) {
            LocalDate second = first.plusDays(200 + random.nextInt(8 * 365));
            if (!second.isAfter(today)) {
                CardPrintReason reason = DemoNames.pick(random,
                        List.of(CardPrintReason.LOST, CardPrintReason.DAMAGED, CardPrintReason.DATA_CHANGED));
                cards.add(card(residentId, second, district, reason));
            }
        }
    }

    private GeneratedFamily.Card card(long residentId, LocalDate day, int district, CardPrintReason reason) {
        double r = random.nextDouble();
        String servicePoint = r < 0.55 ? "UKL-" + districtDigits.get(district) : r < 0.85 ? "DINAS" : "MPP-SOREANG";
        var printedAt = day.atTime(8 + random.nextInt(7), random.nextInt(60), random.nextInt(60))
                .atZone(OFFICE_ZONE).toInstant();
        return new GeneratedFamily.Card(residentId, new CardPrint(printedAt, servicePoint, reason));
    }

    private Education education(int age, LocalDate birthDate) {
        if (age < 7) {
            return Education.NONE;
        }
        if (age <= 12) {
            return Education.PRIMARY_NOT_FINISHED;
        }
        if (age <= 15) {
            return Education.PRIMARY;
        }
        if (age <= 18) {
            return Education.JUNIOR_SECONDARY;
        }
        double r = random.nextDouble();
        if (birthDate.getYear() < 1965) {
            return r < 0.08 ? Education.NONE : r < 0.23 ? Education.PRIMARY_NOT_FINISHED : r < 0.68 ? Education.PRIMARY
                    : r < 0.83 ? Education.JUNIOR_SECONDARY : r < 0.95 ? Education.SENIOR_SECONDARY : Education.BACHELOR;
        }
        if (birthDate.getYear() < 1985 || age <= 22) {
            return r < 0.30 ? Education.PRIMARY : r < 0.55 ? Education.JUNIOR_SECONDARY : r < 0.85
                    ? Education.SENIOR_SECONDARY : r < 0.90 ? Education.DIPLOMA_III : r < 0.99 ? Education.BACHELOR
                    : Education.MASTER;
        }
        return r < 0.12 ? Education.PRIMARY : r < 0.34 ? Education.JUNIOR_SECONDARY : r < 0.79
                ? Education.SENIOR_SECONDARY : r < 0.81 ? Education.DIPLOMA_I_II : r < 0.86 ? Education.DIPLOMA_III
                : r < 0.985 ? Education.BACHELOR : r < 0.998 ? Education.MASTER : Education.DOCTORATE;
    }

    private String occupation(int age, Person person) {
        if (age < 5) {
            return "Belum/Tidak Bekerja";
        }
        if (age <= 18 || (age <= 22 && person.marital == MaritalStatus.NEVER_MARRIED && random.nextBoolean())) {
            return "Pelajar/Mahasiswa";
        }
        if (person.relationship == Relationship.HOUSEHOLD_HELPER) {
            return "Pembantu Rumah Tangga";
        }
        double r = random.nextDouble();
        if (age >= 65) {
            return r < 0.2 ? "Pensiunan" : r < 0.45 ? "Petani/Pekebun" : "Belum/Tidak Bekerja";
        }
        if (person.sex == Sex.FEMALE && r < 0.5) {
            return "Mengurus Rumah Tangga";
        }
        if (r > 0.9) {
            return DemoNames.pick(random, GRADUATE_OCCUPATIONS);
        }
        return DemoNames.pick(random, person.sex == Sex.MALE ? MEN_OCCUPATIONS : WOMEN_OCCUPATIONS);
    }

    /** Only at example.com: demo mail must never reach a real person. */
    private @Nullable String email(int age, Person person) {
        if (age < 17 || age > 55 || random.nextDouble() > 0.35) {
            return null;
        }
        String local = Resident.nameKey(person.name).toLowerCase(Locale.ROOT).replace(' ', '.');
        return local + random.nextInt(10, 100) + "@example.com";
    }

    private @Nullable String phone(int age) {
        if (age < 15 || age > 72 || random.nextDouble() > 0.72) {
            return null;
        }
        return DemoNames.pick(random, PHONE_PREFIXES) + "%08d".formatted(random.nextInt(100_000_000));
    }

    private String street() {
        double r = random.nextDouble();
        if (r < 0.6) {
            return "Kp. " + DemoNames.pick(random, KAMPUNG);
        }
        if (r < 0.85) {
            return "Jl. " + DemoNames.pick(random, STREETS) + " No. " + (1 + random.nextInt(250));
        }
        return "Perum " + DemoNames.pick(random, KAMPUNG) + " Indah Blok " + (char) ('A' + random.nextInt(8))
                + " No. " + (1 + random.nextInt(40));
    }

    private Religion religion(boolean christian) {
        if (christian) {
            return random.nextDouble() < 0.7 ? Religion.CHRISTIAN : Religion.CATHOLIC;
        }
        double r = random.nextDouble();
        return r < 0.9975 ? Religion.ISLAM : r < 0.9988 ? Religion.BUDDHIST : r < 0.9996 ? Religion.HINDU
                : Religion.CONFUCIAN;
    }

    private int serial(short[] serials, int slot) {
        int serial = ++serials[slot];
        if (serial > 9999) {
            throw new IllegalStateException("More than 9999 serials for one district and date");
        }
        return serial;
    }

    private static int dayIndex(LocalDate date) {
        return (date.getMonthValue() - 1) * 31 + date.getDayOfMonth() - 1;
    }

    private int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** A birth date of someone aged {@code minAge} to {@code maxAge} today. */
    private LocalDate birthForAge(int minAge, int maxAge) {
        return dateBetween(today.minusYears(maxAge + 1L).plusDays(1), today.minusYears(minAge));
    }

    private LocalDate dateBetween(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days <= 0 ? from : from.plusDays(random.nextLong(days + 1));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** A member while the family is being put together. */
    private static final class Person {
        final Sex sex;
        final LocalDate birthDate;
        final String name;
        Relationship relationship = Relationship.OTHER;
        MaritalStatus marital = MaritalStatus.NEVER_MARRIED;
        @Nullable String father;
        @Nullable String mother;
        String birthPlace = "Bandung";

        Person(Sex sex, LocalDate birthDate, String name) {
            this.sex = sex;
            this.birthDate = birthDate;
            this.name = name;
        }
    }
}

package id.dukcapil.portal.population.demo;

import id.dukcapil.portal.population.Address;
import id.dukcapil.portal.population.Education;
import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.MaritalStatus;
import id.dukcapil.portal.population.Relationship;
import id.dukcapil.portal.population.Religion;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.Sex;
import id.dukcapil.portal.shared.region.Region;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * What the register records of a person and a family beyond who they are: religion, education and occupation by
 * generation, KTP-el enrolment status, contact details and the address, in the shares of Kabupaten Bandung. Mail goes
 * to example.com only, so demo mail never reaches a real person.
 */
final class DemoRecordDetails {

    private static final List<String> KAMPUNG = List.of("Babakan", "Sukamaju", "Cibodas", "Cijeruk", "Sukasari",
            "Pasir Kaliki", "Cikoneng", "Sindangsari", "Cipeujeuh", "Mekarsari", "Sukamanah", "Ciherang", "Cigentur",
            "Bojong", "Cibeureum", "Pamoyanan", "Nagrog", "Leuwigajah", "Cisaat", "Sirnagalih", "Margamulya",
            "Cikalong", "Rancamanyar", "Cijagra", "Bojongsari", "Cilame", "Pangauban", "Sukaresmi");
    private static final List<String> STREETS = List.of("Raya Soreang", "Terusan Kopo", "Raya Banjaran",
            "Raya Majalaya", "Raya Cicalengka", "Raya Dayeuhkolot", "Raya Bojongsoang", "Raya Ciwidey",
            "Raya Pangalengan", "Raya Rancaekek", "Raya Cileunyi", "Siliwangi", "Pahlawan", "Merdeka",
            "Mekar Indah", "Sukamenak", "Cibaduyut Raya", "Gading Tutuka", "Katapang Andir", "Al-Fathu");
    private static final List<String> MEN_OCCUPATIONS = List.of("Karyawan Swasta", "Karyawan Swasta",
            "Wiraswasta", "Wiraswasta", "Buruh Harian Lepas", "Buruh Harian Lepas", "Petani/Pekebun",
            "Buruh Tani/Perkebunan", "Pedagang", "Sopir", "Tukang Bangunan", "Buruh Pabrik", "Peternak");
    private static final List<String> WOMEN_OCCUPATIONS = List.of("Karyawan Swasta", "Wiraswasta", "Pedagang",
            "Buruh Harian Lepas", "Buruh Pabrik", "Penjahit", "Petani/Pekebun");
    private static final List<String> GRADUATE_OCCUPATIONS = List.of("Guru", "Pegawai Negeri Sipil",
            "Karyawan Swasta", "Karyawan BUMN", "Perawat", "Wiraswasta", "Dosen", "Bidan");
    private static final List<String> PHONE_PREFIXES = List.of("0812", "0813", "0821", "0822", "0852", "0853",
            "0857", "0858", "0878", "0877", "0896", "0895", "0838", "0831");

    private final SplittableRandom random;

    DemoRecordDetails(SplittableRandom random) {
        this.random = random;
    }

    Religion religion(boolean christian) {
        if (christian) {
            return random.nextDouble() < 0.7 ? Religion.CHRISTIAN : Religion.CATHOLIC;
        }
        double r = random.nextDouble();
        return r < 0.9975 ? Religion.ISLAM : r < 0.9988 ? Religion.BUDDHIST : r < 0.9996 ? Religion.HINDU
                : Religion.CONFUCIAN;
    }

    EnrolmentStatus enrolment(int age, boolean due) {
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

    Education education(int age, LocalDate birthDate) {
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

    String occupation(int age, DemoPerson person) {
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
    @Nullable String email(int age, DemoPerson person) {
        if (age < 17 || age > 55 || random.nextDouble() > 0.35) {
            return null;
        }
        String local = Resident.nameKey(person.name).toLowerCase(Locale.ROOT).replace(' ', '.');
        return local + random.nextInt(10, 100) + "@example.com";
    }

    @Nullable String phone(int age) {
        if (age < 15 || age > 72 || random.nextDouble() > 0.72) {
            return null;
        }
        return DemoNames.pick(random, PHONE_PREFIXES) + "%08d".formatted(random.nextInt(100_000_000));
    }

    /** The family's address in the village: street first, then RT and RW (the order of the draws matters). */
    Address address(Region village) {
        String street = street();
        String rt = "%03d".formatted(1 + random.nextInt(12));
        String rw = "%03d".formatted(1 + random.nextInt(15));
        return new Address(street, rt, rw, village.code());
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
}

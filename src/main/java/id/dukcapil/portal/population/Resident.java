package id.dukcapil.portal.population;

import id.dukcapil.portal.shared.Finding;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Sex;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A resident as the population register holds them.
 *
 * @param id       the registry's own id of the resident
 * @param familyId the registry's id of the family whose card lists them
 */
public record Resident(long id, FamilyId familyId, Nik nik, String fullName, String birthPlace, LocalDate birthDate,
                       Sex sex, Religion religion, MaritalStatus maritalStatus, Relationship relationship,
                       Education education, String occupation, @Nullable String fatherName,
                       @Nullable String motherName, @Nullable String email, @Nullable String phone,
                       EnrolmentStatus enrolmentStatus) {

    public static final int NAME_MAX_LENGTH = 100;
    public static final int BIRTH_PLACE_MAX_LENGTH = 60;
    public static final int OCCUPATION_MAX_LENGTH = 60;

    /** Where the NIK and this record disagree (birth date, sex): what a desk officer must settle first. */
    public List<Finding> nikDisagreements() {
        return nik.disagreementsWith(birthDate, sex);
    }

    /**
     * The form of a name that name search compares: upper case, without accents or punctuation, single spaces.
     * "Nur'aini  binti H. Asep" → "NURAINI BINTI H ASEP".
     */
    public static String nameKey(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toUpperCase(Locale.ROOT)
                .replaceAll("['`’]", "")
                .replaceAll("[^A-Z0-9]+", " ")
                .trim();
    }

    public Resident withEnrolmentStatus(EnrolmentStatus status) {
        return new Resident(id, familyId, nik, fullName, birthPlace, birthDate, sex, religion, maritalStatus,
                relationship, education, occupation, fatherName, motherName, email, phone, status);
    }
}

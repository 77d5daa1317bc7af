package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.population.ResidentCorrection;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Sex;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the birth certificate says, as the field officer reads it, for the fields where the registry differs;
 * {@code null} leaves a field as the registry has it (step 5).
 */
public record BirthCertificate(@Nullable String fullName, @Nullable String birthPlace, @Nullable LocalDate birthDate,
                               @Nullable Sex sex, @Nullable String fatherName, @Nullable String motherName) {

    public static final int NOTE_MAX_LENGTH = 300;

    public static BirthCertificate none() {
        return new BirthCertificate(null, null, null, null, null, null);
    }

    /**
     * What the registry must change to say what the certificate says: each field the certificate states and the
     * registry has otherwise; refused in words when a stated value is longer than the registry keeps.
     */
    ResidentCorrection correctionOf(Resident resident) {
        BirthCertificate certificate = this;
        ResidentCorrection correction = ResidentCorrection.none();
        if (differs(certificate.fullName(), resident.fullName())) {
            correction = correction.withFullName(bounded(certificate.fullName(), Resident.NAME_MAX_LENGTH));
        }
        if (differs(certificate.birthPlace(), resident.birthPlace())) {
            correction = correction.withBirthPlace(bounded(certificate.birthPlace(), Resident.BIRTH_PLACE_MAX_LENGTH));
        }
        if (certificate.birthDate() != null && !certificate.birthDate().equals(resident.birthDate())) {
            correction = correction.withBirthDate(certificate.birthDate());
        }
        if (certificate.sex() != null && certificate.sex() != resident.sex()) {
            correction = correction.withSex(certificate.sex());
        }
        boolean father = differs(certificate.fatherName(), resident.fatherName());
        boolean mother = differs(certificate.motherName(), resident.motherName());
        if (father || mother) {
            correction = correction.withParents(
                    father ? bounded(certificate.fatherName(), Resident.NAME_MAX_LENGTH) : resident.fatherName(),
                    mother ? bounded(certificate.motherName(), Resident.NAME_MAX_LENGTH) : resident.motherName());
        }
        return correction;
    }

    private static boolean differs(@Nullable String certificate, @Nullable String registry) {
        return certificate != null && !certificate.isBlank() && !certificate.strip().equals(registry);
    }

    private static String bounded(@Nullable String text, int max) {
        String value = text == null ? "" : text.strip();
        if (value.length() > max) {
            throw new RuleViolation("schoolvisit.error.correction-too-long", max);
        }
        return value;
    }
}

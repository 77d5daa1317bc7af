package id.dukcapil.portal.population;

import id.dukcapil.portal.shared.Sex;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a change sets on a resident; {@code null} leaves a field as it is. The NIK never changes: it keeps what
 * was issued, and a corrected birth date shows up as a disagreement with it.
 */
public record ResidentCorrection(@Nullable String fullName, @Nullable String birthPlace, @Nullable LocalDate birthDate,
                                 @Nullable Sex sex, @Nullable MaritalStatus maritalStatus,
                                 @Nullable Education education, @Nullable String occupation,
                                 @Nullable String fatherName, @Nullable String motherName,
                                 @Nullable String email, @Nullable String phone) {

    public static ResidentCorrection none() {
        return new ResidentCorrection(null, null, null, null, null, null, null, null, null, null, null);
    }

    public ResidentCorrection withFullName(String value) {
        return new ResidentCorrection(value, birthPlace, birthDate, sex, maritalStatus, education, occupation,
                fatherName, motherName, email, phone);
    }

    public ResidentCorrection withBirthPlace(String value) {
        return new ResidentCorrection(fullName, value, birthDate, sex, maritalStatus, education, occupation,
                fatherName, motherName, email, phone);
    }

    public ResidentCorrection withBirthDate(LocalDate value) {
        return new ResidentCorrection(fullName, birthPlace, value, sex, maritalStatus, education, occupation,
                fatherName, motherName, email, phone);
    }

    public ResidentCorrection withSex(Sex value) {
        return new ResidentCorrection(fullName, birthPlace, birthDate, value, maritalStatus, education, occupation,
                fatherName, motherName, email, phone);
    }

    public ResidentCorrection withMaritalStatus(MaritalStatus value) {
        return new ResidentCorrection(fullName, birthPlace, birthDate, sex, value, education, occupation,
                fatherName, motherName, email, phone);
    }

    public ResidentCorrection withEducation(Education value) {
        return new ResidentCorrection(fullName, birthPlace, birthDate, sex, maritalStatus, value, occupation,
                fatherName, motherName, email, phone);
    }

    public ResidentCorrection withOccupation(String value) {
        return new ResidentCorrection(fullName, birthPlace, birthDate, sex, maritalStatus, education, value,
                fatherName, motherName, email, phone);
    }

    public ResidentCorrection withParents(String father, String mother) {
        return new ResidentCorrection(fullName, birthPlace, birthDate, sex, maritalStatus, education, occupation,
                father, mother, email, phone);
    }

    public ResidentCorrection withContact(@Nullable String newEmail, @Nullable String newPhone) {
        return new ResidentCorrection(fullName, birthPlace, birthDate, sex, maritalStatus, education, occupation,
                fatherName, motherName, newEmail, newPhone);
    }
}

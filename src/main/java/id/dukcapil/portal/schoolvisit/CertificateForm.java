package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.Sex;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * SOP D step 5 as a form binds it, at a Dinas desk and on an outpost alike: what the birth certificate says where the
 * register differs, and the officer's note of why. Each message a bundle key; the limits are the register's, so a
 * screen refuses what the desk would.
 */
public record CertificateForm(
        @Size(max = Resident.NAME_MAX_LENGTH, message = "{schoolvisit.error.correction-too-long}") String fullName,
        @Size(max = Resident.BIRTH_PLACE_MAX_LENGTH, message = "{schoolvisit.error.correction-too-long}")
        String birthPlace,
        @Nullable LocalDate birthDate,
        @Nullable Sex sex,
        @Size(max = Resident.NAME_MAX_LENGTH, message = "{schoolvisit.error.correction-too-long}") String fatherName,
        @Size(max = Resident.NAME_MAX_LENGTH, message = "{schoolvisit.error.correction-too-long}") String motherName,
        @NotBlank(message = "{schoolvisit.error.correction-note}")
        @Size(max = BirthCertificate.NOTE_MAX_LENGTH, message = "{schoolvisit.error.correction-note}") String note) {

    /** An empty form: nothing stated, no note. */
    public static CertificateForm blank() {
        return new CertificateForm("", "", null, null, "", "", "");
    }

    /** The certificate as the Dinas's desk takes it. */
    public BirthCertificate certificate() {
        return new BirthCertificate(fullName, birthPlace, birthDate, sex, fatherName, motherName);
    }

    /** The correction as an outpost keeps and sends it. */
    public OutpostBundle.Correction correction() {
        return new OutpostBundle.Correction(fullName, birthPlace, birthDate, sex, fatherName, motherName, note);
    }
}

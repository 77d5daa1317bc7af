package id.dukcapil.portal.schoolvisit;

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
}

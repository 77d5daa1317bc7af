package id.dukcapil.portal.schoolvisit.ui;

import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.schoolvisit.BirthCertificate;
import id.dukcapil.portal.schoolvisit.FieldDesk;
import id.dukcapil.portal.schoolvisit.VisitDesk;
import id.dukcapil.portal.shared.Sex;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The field team's forms as the field screen binds them (SOP D steps 4 to 6): the blank cards taken out, a
 * recording's technical failure, a correction from the birth certificate. Each message a bundle key; the limits are
 * the field desk's and the register's, so the screen refuses what the desk would.
 */
public final class FieldForms {

    private FieldForms() {
    }

    /** The blank cards the team takes to the school. */
    public record SetOut(@NotNull(message = "{schoolvisit.error.cards}")
                         @Min(value = 0, message = "{schoolvisit.error.cards}")
                         @Max(value = VisitDesk.CARDS_MAX, message = "{schoolvisit.error.cards}")
                         @Nullable Integer cards) {
    }

    /** Why a student's recording failed: written, and short enough to log. */
    public record RecordingFailure(@NotBlank(message = "{schoolvisit.error.failure-reason}")
                                   @Size(max = FieldDesk.RECORDING_FAILURE_MAX_LENGTH,
                                           message = "{schoolvisit.error.failure-reason}") String reason) {
    }

    /** What the birth certificate says where the register differs, and the officer's note of why. */
    public record Correction(
            @Size(max = Resident.NAME_MAX_LENGTH, message = "{schoolvisit.error.correction-too-long}") String fullName,
            @Size(max = Resident.BIRTH_PLACE_MAX_LENGTH, message = "{schoolvisit.error.correction-too-long}")
            String birthPlace,
            @Nullable LocalDate birthDate,
            @Nullable Sex sex,
            @Size(max = Resident.NAME_MAX_LENGTH, message = "{schoolvisit.error.correction-too-long}")
            String fatherName,
            @Size(max = Resident.NAME_MAX_LENGTH, message = "{schoolvisit.error.correction-too-long}")
            String motherName,
            @NotBlank(message = "{schoolvisit.error.correction-note}")
            @Size(max = BirthCertificate.NOTE_MAX_LENGTH, message = "{schoolvisit.error.correction-note}")
            String note) {

        BirthCertificate certificate() {
            return new BirthCertificate(fullName, birthPlace, birthDate, sex, fatherName, motherName);
        }
    }
}

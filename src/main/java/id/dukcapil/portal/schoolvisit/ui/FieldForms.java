package id.dukcapil.portal.schoolvisit.ui;

import id.dukcapil.portal.schoolvisit.FieldDesk;
import id.dukcapil.portal.schoolvisit.VisitDesk;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The field team's forms as the field screen binds them (SOP D steps 4 to 6): the blank cards taken out, a
 * recording's technical failure (a correction from the birth certificate is the module's {@code CertificateForm}).
 * Each message a bundle key; the limits are the field desk's, so the screen refuses what the desk would.
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
}

package id.dukcapil.portal.schoolvisit.ui;

import id.dukcapil.portal.schoolvisit.Reconciliations;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The supervisor's settling of a reconciliation row as its dialog binds it (decision 190). */
public final class SettleForms {

    private SettleForms() {
    }

    /** Why the Dinas's version is kept and the outpost's operation dropped: written, and short enough to log. */
    public record KeepReason(@NotBlank(message = "{schoolvisit.error.reconciliation-reason}")
                      @Size(max = Reconciliations.REASON_MAX_LENGTH,
                              message = "{schoolvisit.error.reconciliation-reason}") String reason) {
    }
}

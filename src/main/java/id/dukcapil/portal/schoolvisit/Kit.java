package id.dukcapil.portal.schoolvisit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A field team's equipment kit, kept at a service point: SOP D's list, from the SIAK computer to the vehicle. Its
 * constraints are the kit form's field checks, each message a translation key; {@link VisitPlanner} checks again.
 */
public record Kit(
        @NotBlank(message = "schoolvisit.error.kit") @Size(max = CODE_MAX_LENGTH, message = "schoolvisit.error.kit")
        String code,
        @NotBlank(message = "schoolvisit.error.kit") @Size(max = NAME_MAX_LENGTH, message = "schoolvisit.error.kit")
        String name,
        @NotBlank(message = "schoolvisit.error.service-point") String servicePoint,
        boolean underRepair,
        @Size(max = NOTE_MAX_LENGTH, message = "schoolvisit.error.repair-note") @Nullable String repairNote) {

    public static final int CODE_MAX_LENGTH = 20;
    public static final int NAME_MAX_LENGTH = 100;
    public static final int NOTE_MAX_LENGTH = 200;

    public static Kit empty() {
        return new Kit("", "", "", false, null);
    }
}

package id.dukcapil.portal.schoolvisit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the planner types for an officer's leave, both days included; its constraints are the form's field checks,
 * each message a translation key. {@link VisitPlanner#leave} checks again (and that it does not end before it starts).
 */
public record LeaveForm(
        @NotBlank(message = "schoolvisit.error.leave-officer") @Nullable String username,
        @NotNull(message = "schoolvisit.error.leave-day") @Nullable LocalDate first,
        @NotNull(message = "schoolvisit.error.leave-day") @Nullable LocalDate last,
        @NotBlank(message = "schoolvisit.error.leave-reason")
        @Size(max = REASON_MAX_LENGTH, message = "schoolvisit.error.leave-reason") String reason) {

    public static final int REASON_MAX_LENGTH = 200;

    public static LeaveForm empty() {
        return new LeaveForm(null, null, null, "");
    }
}

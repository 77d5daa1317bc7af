package id.dukcapil.portal.schoolvisit.ui;

import id.dukcapil.portal.staff.ServicePoint;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What the schools screen's two uploads need chosen before a file is read, as their binders bind it. */
public final class UploadForms {

    private UploadForms() {
    }

    /** A school's student list is for the day of its visit. */
    public record Roster(@NotNull(message = "{schoolvisit.error.day}") @Nullable LocalDate visitDay) {
    }

    /** A list of schools is for the service point that visits them. */
    public record SchoolList(@NotNull(message = "{schoolvisit.error.service-point}") @Nullable ServicePoint point) {
    }
}

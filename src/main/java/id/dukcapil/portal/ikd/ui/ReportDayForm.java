package id.dukcapil.portal.ikd.ui;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * The day whose report the officer downloads or submits, as the dialog binds it. No day after today: the date
 * picker's own limit, which the binding checks too, since the portal's clock (not the validator's) says what today is.
 */
public record ReportDayForm(@NotNull(message = "{validation.required}") LocalDate day) {
}

package id.dukcapil.portal.booking.ui;

import id.dukcapil.portal.booking.UrgentNeed;
import id.dukcapil.portal.booking.UrgentReason;
import id.dukcapil.portal.shared.Nik;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A clerk's booking for a resident with an urgent need, as the staff booking screen binds it: the NIK (sixteen
 * digits), the need, a note. Each message a bundle key the service's refusal uses too; whether the NIK is a resident's
 * and print-ready only the service knows, and it checks the rest again.
 */
public record UrgentBookingForm(
        @Size(min = Nik.LENGTH, max = Nik.LENGTH, message = "{booking.refused.INVALID_NIK}")
        @Pattern(regexp = "[0-9]*", message = "{booking.refused.INVALID_NIK}") String nik,
        @NotNull(message = "{booking.staff.need.required}") @Nullable UrgentNeed need,
        @Size(max = UrgentReason.NOTE_MAX_LENGTH, message = "{booking.staff.note.too-long}") String note) {

    static UrgentBookingForm empty() {
        return new UrgentBookingForm("", null, "");
    }
}

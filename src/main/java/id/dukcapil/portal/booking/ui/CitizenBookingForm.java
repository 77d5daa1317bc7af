package id.dukcapil.portal.booking.ui;

import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.staff.ServicePoint;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A citizen's booking as the BDS booking screen binds it: the NIK whose card is printed, the number of the family card
 * listing that person (decision 068), the service point. The day is the calendar's, chosen apart. Each message a
 * bundle key the service's refusal uses too; whether the NIK and the card go together only the service knows.
 */
public record CitizenBookingForm(
        @Size(min = Nik.LENGTH, max = Nik.LENGTH, message = "{booking.refused.INVALID_NIK}")
        @Pattern(regexp = "[0-9]*", message = "{booking.refused.INVALID_NIK}") String nik,
        @Size(min = KkNumber.LENGTH, max = KkNumber.LENGTH, message = "{booking.refused.INVALID_KK_NUMBER}")
        @Pattern(regexp = "[0-9]*", message = "{booking.refused.INVALID_KK_NUMBER}") String kkNumber,
        @NotNull(message = "{bds.booking.point.required}") @Nullable ServicePoint point) {

    static CitizenBookingForm empty() {
        return new CitizenBookingForm("", "", null);
    }
}

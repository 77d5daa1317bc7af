package id.dukcapil.portal.kkprint.ui;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The request number typed into the inbox's lookup, as the form binds it: "KK", the day (yymmdd) and six letters or
 * digits (upper or lower case: the service reads it in capitals). A number that cannot be one is said at the field,
 * without a query.
 */
public record TrackingLookup(
        @NotBlank(message = "{kkprint.tracking.blank}")
        @Pattern(regexp = PATTERN, message = "{kkprint.tracking.invalid}") String tracking) {

    public static final String PATTERN = "\\s*[Kk][Kk]\\d{6}[A-Za-z0-9]{6}\\s*";

    static TrackingLookup empty() {
        return new TrackingLookup("");
    }
}

package id.dukcapil.portal.schoolvisit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What the planner types for a school. Its constraints are the form's field checks, each message a translation key
 * the form says in the user's language; {@link Schools} checks again what needs the registry (the village, the
 * service point) and normalises, each field's problem named.
 */
public record SchoolForm(
        @NotNull(message = "schoolvisit.error.npsn") @Pattern(regexp = NPSN_PATTERN, message = "schoolvisit.error.npsn")
        String npsn,
        @NotBlank(message = "schoolvisit.error.name")
        @Size(max = School.NAME_MAX_LENGTH, message = "schoolvisit.error.name") String name,
        @NotNull(message = "schoolvisit.error.level") @Nullable SchoolLevel level,
        @NotBlank(message = "schoolvisit.error.address")
        @Size(max = School.ADDRESS_MAX_LENGTH, message = "schoolvisit.error.address") String address,
        @NotBlank(message = "schoolvisit.error.village") @Size(max = 13, message = "schoolvisit.error.village")
        String villageCode,
        @NotBlank(message = "schoolvisit.error.contact-name")
        @Size(max = School.NAME_MAX_LENGTH, message = "schoolvisit.error.contact-name") String contactName,
        @NotNull(message = "schoolvisit.error.phone") @Pattern(regexp = PHONE_PATTERN, message = "schoolvisit.error.phone")
        String contactPhone,
        @Size(max = School.EMAIL_MAX_LENGTH, message = "schoolvisit.error.email") @Nullable String contactEmail,
        @NotBlank(message = "schoolvisit.error.service-point") String servicePoint) {

    /** Eight digits, spaces around allowed (they are stripped). */
    public static final String NPSN_PATTERN = "\\s*\\d{" + School.NPSN_LENGTH + "}\\s*";
    /** 8 to 19 digits, an optional leading plus, spaces and dashes between them allowed (they are stripped). */
    public static final String PHONE_PATTERN = "\\s*\\+?(?:\\d[\\s-]*){8," + (School.PHONE_MAX_LENGTH - 1) + "}";

    public static SchoolForm empty() {
        return new SchoolForm("", "", null, "", "", "", "", null, "");
    }

    public static SchoolForm of(School school) {
        return new SchoolForm(school.npsn(), school.name(), school.level(), school.address(), school.villageCode(),
                school.contactName(), school.contactPhone(), school.contactEmail(), school.servicePoint());
    }
}

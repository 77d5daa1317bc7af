package id.dukcapil.portal.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What an ADMIN writes of a service point. The code and the kind are given when the point is made and kept after it;
 * the same limits feed the columns, the validator and the fields.
 *
 * @param districtCode the kecamatan's code in its dotted form ({@code 32.04.37}); a UKL's is required
 */
public record ServicePointForm(
        @NotBlank @Size(min = CODE_MIN_LENGTH, max = CODE_MAX_LENGTH) @Pattern(regexp = CODE_PATTERN) String code,
        @NotBlank @Size(max = NAME_MAX_LENGTH) String name,
        @NotNull ServicePointKind kind,
        @Nullable @Pattern(regexp = DISTRICT_PATTERN) String districtCode,
        @Nullable @Size(max = ADDRESS_MAX_LENGTH) String address) {

    public static final int CODE_MIN_LENGTH = 2;
    public static final int CODE_MAX_LENGTH = 20;
    /** Capital letters, digits and dashes, as the office's codes read: {@code UKL-320437}, {@code MPP-SOREANG}. */
    public static final String CODE_PATTERN = "[A-Z0-9]+(-[A-Z0-9]+)*";
    public static final int NAME_MAX_LENGTH = 120;
    public static final int ADDRESS_MAX_LENGTH = 255;
    public static final String DISTRICT_PATTERN = "^$|\\d{2}\\.\\d{2}\\.\\d{2}";

    public static ServicePointForm of(ServicePoint point) {
        return new ServicePointForm(point.code(), point.name(), point.kind(), point.districtCode(), point.address());
    }
}

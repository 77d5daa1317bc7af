package id.dukcapil.portal.staff;

import org.jspecify.annotations.Nullable;

/**
 * A place where the office serves citizens.
 *
 * @param code         a short stable code ({@code DINAS}, {@code MPP-SOREANG}, {@code UKL-320437})
 * @param districtCode the kecamatan's official code, for a UKL
 * @param address      where citizens find it
 */
public record ServicePoint(long id, String code, String name, ServicePointKind kind, @Nullable String districtCode,
                           @Nullable String address) {

    /**
     * The Dinas office's own point, made at the first start: where the Dinas's own procedure (SOP B, the KK print
     * through IKD) is counted, whoever takes a step of it (the IKD app, the Kepala Dinas, the mail, the ADM kiosk).
     */
    public static final String DINAS = "DINAS";
}

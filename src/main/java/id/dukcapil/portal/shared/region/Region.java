package id.dukcapil.portal.shared.region;

import org.jspecify.annotations.Nullable;

/**
 * A province, regency/city, district (kecamatan) or village (desa/kelurahan).
 *
 * @param code       the official dotted code: {@code 32}, {@code 32.04}, {@code 32.04.37}, {@code 32.04.37.2001}
 * @param parentCode the code of the region it lies in; none for a province
 */
public record Region(String code, String name, @Nullable String parentCode) {

    /** The code without dots, as NIK and KK numbers write a district: {@code 320437}. */
    public String digits() {
        return code.replace(".", "");
    }
}

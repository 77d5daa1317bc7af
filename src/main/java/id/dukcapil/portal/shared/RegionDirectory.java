package id.dukcapil.portal.shared;

/**
 * Which district codes today's region list knows. A NIK or KK number keeps the district where it was first
 * issued, and districts split and merge, so an unknown code is only a warning.
 */
@FunctionalInterface
public interface RegionDirectory {

    /** Any code is accepted: for checks that do not look at regions. */
    RegionDirectory ANY = districtCode -> true;

    /** @param districtCode in the official dotted form, {@code 32.04.37} */
    boolean knowsDistrict(String districtCode);
}

package id.dukcapil.portal.population;

/**
 * A family's address as the family card writes it.
 *
 * @param villageCode the official dotted village code, {@code 32.04.37.2001}
 */
public record Address(String street, String rt, String rw, String villageCode) {

    public static final int STREET_MAX_LENGTH = 120;

    /** The district the village lies in: {@code 32.04.37}. */
    public String districtCode() {
        return villageCode.substring(0, 8);
    }
}

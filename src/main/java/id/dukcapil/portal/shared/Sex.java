package id.dukcapil.portal.shared;

/** A person's sex as the population register and the NIK record it. */
public enum Sex {
    MALE,
    FEMALE;

    public String labelKey() {
        return "sex." + name();
    }
}

package id.dukcapil.portal.population;

/** The education levels of the family card. */
public enum Education {
    NONE, PRIMARY_NOT_FINISHED, PRIMARY, JUNIOR_SECONDARY, SENIOR_SECONDARY, DIPLOMA_I_II, DIPLOMA_III,
    /** Diploma IV / Strata I. */
    BACHELOR, MASTER, DOCTORATE;

    public String labelKey() {
        return "population.education." + name();
    }
}

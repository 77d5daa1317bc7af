package id.dukcapil.portal.population;

/**
 * SHDK, status hubungan dalam keluarga: a resident's place on the family card.
 */
public enum Relationship {
    HEAD, HUSBAND, WIFE, CHILD,
    /** Menantu. */
    CHILD_IN_LAW,
    GRANDCHILD, PARENT,
    /** Mertua. */
    PARENT_IN_LAW,
    /** Famili lain. */
    OTHER_RELATIVE,
    /** Pembantu. */
    HOUSEHOLD_HELPER,
    OTHER;

    public String labelKey() {
        return "population.relationship." + name();
    }
}

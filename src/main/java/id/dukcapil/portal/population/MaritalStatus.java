package id.dukcapil.portal.population;

/** Status perkawinan: belum kawin, kawin, cerai hidup, cerai mati. */
public enum MaritalStatus {
    NEVER_MARRIED, MARRIED, DIVORCED, WIDOWED;

    /** Married now or before: the KTP-el is due whatever the age. */
    public boolean everMarried() {
        return this != NEVER_MARRIED;
    }

    public String labelKey() {
        return "population.marital." + name();
    }
}

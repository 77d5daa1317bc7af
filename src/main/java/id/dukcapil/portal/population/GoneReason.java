package id.dukcapil.portal.population;

/** Why a resident is no longer in the register's current population; their record and history stay. */
public enum GoneReason {
    /** Meninggal: the extract says so. */
    DIED,
    /** Pindah keluar: the extract says so. */
    MOVED_OUT,
    /** A newer extract of their region no longer lists them, and says nothing of why. */
    NOT_IN_EXTRACT;

    public String labelKey() {
        return "population.gone." + name();
    }
}

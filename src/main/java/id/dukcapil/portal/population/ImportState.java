package id.dukcapil.portal.population;

/** Where an import of a SIAK extract stands. */
public enum ImportState {
    RUNNING, FINISHED,
    /** Stopped by an ADMIN: the families loaded before stay, nobody was marked gone. */
    CANCELLED,
    /** The file could not be read as an extract, or the database failed: what was loaded before stays. */
    FAILED;

    public String labelKey() {
        return "population.import.state." + name();
    }
}

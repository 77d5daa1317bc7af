package id.dukcapil.portal.population;

/** Where an import of a SIAK extract stands. */
public enum ImportState {
    RUNNING, FINISHED,
    /**
     * The whole file is loaded, but marking the region's unlisted residents gone waits for a second, named confirmation:
     * the extract read no row, or would mark more than the set share of the region gone (decision 128). Nobody was
     * marked gone yet; the import still holds the lock that lets one import run at a time.
     */
    AWAITING_CONFIRMATION,
    /** Stopped by an ADMIN: the families loaded before stay, nobody was marked gone. */
    CANCELLED,
    /** The file could not be read as an extract, or the database failed: what was loaded before stays. */
    FAILED;

    public String labelKey() {
        return "population.import.state." + name();
    }
}

package id.dukcapil.portal.population;

/** Why a KTP-el was printed. */
public enum CardPrintReason {
    FIRST, LOST, DAMAGED, DATA_CHANGED;

    public String labelKey() {
        return "population.card-reason." + name();
    }
}

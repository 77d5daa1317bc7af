package id.dukcapil.portal.population;

/** The religions a family card records. */
public enum Religion {
    ISLAM, CHRISTIAN, CATHOLIC, HINDU, BUDDHIST, CONFUCIAN,
    /** Kepercayaan terhadap Tuhan Yang Maha Esa. */
    INDIGENOUS_BELIEF;

    public String labelKey() {
        return "population.religion." + name();
    }
}

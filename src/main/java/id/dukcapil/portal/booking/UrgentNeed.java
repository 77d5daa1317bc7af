package id.dukcapil.portal.booking;

/** Why a clerk books a resident from the staff reserve: the urgent needs the office serves first. */
public enum UrgentNeed {
    HEALTH,
    HAJJ_UMRAH,
    BANKING,
    OTHER;

    public String labelKey() {
        return "booking.need." + name();
    }
}

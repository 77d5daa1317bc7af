package id.dukcapil.portal.schoolvisit;

/** A school visit: planned, the team on its way or at the school with the kit and cards, closed. */
public enum VisitState {
    PLANNED, UNDERWAY, CLOSED;

    public String labelKey() {
        return "schoolvisit.visit-state." + name();
    }
}

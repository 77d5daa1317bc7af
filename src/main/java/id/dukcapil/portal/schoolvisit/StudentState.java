package id.dukcapil.portal.schoolvisit;

/**
 * Where SOP D stands for a student of a roster. The one table of moves is {@link #canMoveTo}: every change in the
 * store names the state it expects, so two officers on one student never both win.
 */
public enum StudentState {
    /** Imported, not yet seen by a field team. */
    ON_ROSTER,
    /** Seen at the visit and recorded (or found recorded before): the card waits for printing. */
    WAITING,
    /** The card is printed; it waits for the collective handover. */
    PRINTED,
    /** Listed on a handover record the school received. */
    HANDED_OVER;

    public boolean canMoveTo(StudentState target) {
        return switch (this) {
            case ON_ROSTER -> target == WAITING;
            case WAITING -> target == PRINTED;
            case PRINTED -> target == HANDED_OVER;
            case HANDED_OVER -> false;
        };
    }

    public String labelKey() {
        return "schoolvisit.student-state." + name();
    }
}

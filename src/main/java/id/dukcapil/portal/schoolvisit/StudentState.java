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
    HANDED_OVER,
    /**
     * SOP D ends for the student without a card from it, for the {@link EndReason} kept with them (a card printed
     * elsewhere already, a record the central enrolment settles): never printed, never handed over.
     */
    ENDED;

    public boolean canMoveTo(StudentState target) {
        return switch (this) {
            case ON_ROSTER -> target == WAITING || target == ENDED;
            case WAITING -> target == PRINTED || target == ENDED;
            case PRINTED -> target == HANDED_OVER;
            case HANDED_OVER, ENDED -> false;
        };
    }

    public String labelKey() {
        return "schoolvisit.student-state." + name();
    }
}

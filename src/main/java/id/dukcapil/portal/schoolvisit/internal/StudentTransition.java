package id.dukcapil.portal.schoolvisit.internal;

import static id.dukcapil.portal.schoolvisit.StudentState.ENDED;
import static id.dukcapil.portal.schoolvisit.StudentState.HANDED_OVER;
import static id.dukcapil.portal.schoolvisit.StudentState.ON_ROSTER;
import static id.dukcapil.portal.schoolvisit.StudentState.PRINTED;
import static id.dukcapil.portal.schoolvisit.StudentState.WAITING;

import id.dukcapil.portal.schoolvisit.FieldStep;
import id.dukcapil.portal.schoolvisit.StudentState;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Every change SOP D makes to a student of a roster, one row each: the state and field step it leaves, and the state
 * and field step it enters. The one place that says which change is allowed from where (issue 55 item 3):
 * {@link StudentEntity}'s methods apply it, refusing in words a change the student's state does not allow, and the
 * student's version makes the write conditional on the student as read. {@code anyStep} rows leave a student
 * wherever the field screen stands for them.
 */
public enum StudentTransition {

    /** Step 3 begins at a visit: is the student recorded already? */
    BEGIN(ON_ROSTER, null, false, ON_ROSTER, FieldStep.STATUS),
    /** Step 3's finding: never recorded; step 4, the registry check, begins. */
    NOT_RECORDED(ON_ROSTER, FieldStep.STATUS, false, ON_ROSTER, FieldStep.SIAK),
    /** Step 3's finding: recorded before; straight onto the print list. */
    FOUND_RECORDED(ON_ROSTER, FieldStep.STATUS, false, WAITING, null),
    /** Step 4: the registry agrees with the birth certificate; on to the recording. */
    REGISTRY_MATCHES(ON_ROSTER, FieldStep.SIAK, false, ON_ROSTER, FieldStep.RECORDING),
    /** Step 4: the registry differs; step 5, its correction, begins. */
    REGISTRY_DIFFERS(ON_ROSTER, FieldStep.SIAK, false, ON_ROSTER, FieldStep.UPDATE),
    /** Step 5: the registry corrected from the birth certificate; on to the recording. */
    CORRECTED(ON_ROSTER, FieldStep.UPDATE, false, ON_ROSTER, FieldStep.RECORDING),
    /** Step 6: recorded and sent to the central enrolment; the card waits for printing. */
    RECORDED(ON_ROSTER, FieldStep.RECORDING, false, WAITING, null),
    /** SOP D ends at the visit without a card from it (a card printed before, a duplicate record). */
    ENDED_AT_VISIT(ON_ROSTER, null, true, ENDED, null),
    /** SOP D ends for a student waiting for printing (a card printed elsewhere, the central enrolment's answer). */
    ENDED_WAITING(WAITING, null, false, ENDED, null),
    /** Step 7: the card is printed. */
    PRINT(WAITING, null, false, PRINTED, null),
    /** The printed card is listed on a handover record (the state stays PRINTED until the school receives it). */
    LIST_ON_HANDOVER(PRINTED, null, false, PRINTED, null),
    /** Step 8: the school received the handover record the card is on. */
    HAND_OVER(PRINTED, null, false, HANDED_OVER, null);

    private final StudentState from;
    private final @Nullable FieldStep fromStep;
    private final boolean anyStep;
    private final StudentState to;
    private final @Nullable FieldStep toStep;

    StudentTransition(StudentState from, @Nullable FieldStep fromStep, boolean anyStep, StudentState to,
                      @Nullable FieldStep toStep) {
        this.from = from;
        this.fromStep = fromStep;
        this.anyStep = anyStep;
        this.to = to;
        this.toStep = toStep;
    }

    /** Whether a student in this state and field step may undergo the change. */
    public boolean allowedFrom(StudentState state, @Nullable FieldStep step) {
        return state == from && (anyStep || Objects.equals(step, fromStep));
    }

    StudentState to() {
        return to;
    }

    @Nullable FieldStep toStep() {
        return toStep;
    }

    /** What was refused, in words ({@code schoolvisit.transition.<NAME>}), with the student's name as its argument. */
    public String refusalKey() {
        return "schoolvisit.transition." + name();
    }
}

package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Kind;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Which of an outpost's steps fits a student (issue 53): one rule for both sides, so they cannot drift apart. The
 * outpost offers a step only where it fits the student as packed and as changed there; the Dinas applies it only where
 * it still fits the student as the Dinas has them on arrival, and sends the rest to the reconciliation list.
 */
public final class OutpostRules {

    private OutpostRules() {
    }

    /**
     * @param state        the student's SOP D state
     * @param step         the field step begun, if any
     * @param status       the register's enrolment status; none when the register no longer knows the NIK
     * @param cardsPrinted the cards the register has for the resident
     */
    public static boolean fits(Kind kind, StudentState state, @Nullable FieldStep step,
                               @Nullable EnrolmentStatus status, int cardsPrinted, LocalDate birthDate,
                               LocalDate day) {
        if (kind == Kind.ABSENT || kind == Kind.REFUSED || kind == Kind.CARD_SPOILED) {
            return true; // nothing of the student changes
        }
        if (status == null) {
            return false;
        }
        boolean untouched = state == StudentState.ON_ROSTER && step == null;
        return switch (kind) {
            case FOUND_RECORDED -> untouched && FieldStudent.recordedBefore(status)
                    && status != EnrolmentStatus.DUPLICATE_RECORD && cardsPrinted == 0;
            case CORRECTED -> untouched && status == EnrolmentStatus.NOT_RECORDED
                    && Eligibility.schoolRecording(birthDate, day).eligible();
            // After a correction (step 5) the student is at step 6 already; the corrected birth date counts.
            case RECORDED -> (untouched || state == StudentState.ON_ROSTER && step == FieldStep.RECORDING)
                    && status == EnrolmentStatus.NOT_RECORDED && Eligibility.schoolRecording(birthDate, day).eligible();
            case CARD_PRINTED -> state == StudentState.WAITING && cardsPrinted == 0
                    && Eligibility.schoolCardPrinting(birthDate, status, day).eligible();
            default -> true;
        };
    }
}

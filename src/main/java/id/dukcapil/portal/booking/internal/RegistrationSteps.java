package id.dukcapil.portal.booking.internal;

import id.dukcapil.portal.sla.CaseRef;
import id.dukcapil.portal.sla.FinishedStep;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClock;
import id.dukcapil.portal.staff.ServicePoint;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * SOP A's steps 3 (the registration form) and 4 (the e-mailed code), each timed when it ends, in the account's own
 * case ({@code AKUN-<id>}): a citizen may register today and book tomorrow on another phone, so a booking's journey
 * cannot carry them (issue 54). Counted at the Dinas, whose BDS it is, as every step no desk takes (decision 192).
 */
@Component
public class RegistrationSteps {

    private final StepClock stepClock;

    RegistrationSteps(StepClock stepClock) {
        this.stepClock = stepClock;
    }

    /** The account's case: its registration, before any booking names one. */
    public static CaseRef caseOf(long citizenId) {
        return new CaseRef(Procedure.A_BOOKING, "AKUN-" + citizenId);
    }

    /** Step 3 from the form's opening to its sending; nothing when the form's opening is unknown (an app's API). */
    public void registered(long citizenId, @Nullable Instant formOpenedAt, Instant at) {
        if (formOpenedAt != null) {
            record(citizenId, SopStep.A3_REGISTER, formOpenedAt, at);
        }
    }

    /** Step 4 from the code's sending to the citizen typing it. */
    public void verified(long citizenId, Instant codeSentAt, Instant at) {
        record(citizenId, SopStep.A4_ENTER_OTP, codeSentAt, at);
    }

    private void record(long citizenId, SopStep step, Instant start, Instant end) {
        stepClock.recordFinished(List.of(new FinishedStep(caseOf(citizenId), step, start,
                end.isBefore(start) ? start : end, "citizen:" + citizenId, ServicePoint.DINAS)));
    }
}

package id.dukcapil.portal.booking;

import id.dukcapil.portal.sla.CaseRef;
import id.dukcapil.portal.sla.FinishedStep;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClock;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SOP A's step 8 (the ticket, its barcode and code, under "Riwayat") ends when the ticket is on the citizen's screen
 * (issue 54): on the web, once the browser has drawn the history the booking led to; the commit alone is a few
 * milliseconds of the server's. An app has the ticket in the booking's own answer, and its commit ends the step.
 */
@Service
public class TicketSteps {

    private final BookingService bookings;
    private final StepClock stepClock;
    private final Clock clock;

    TicketSteps(BookingService bookings, StepClock stepClock, Clock clock) {
        this.bookings = bookings;
        this.stepClock = stepClock;
        this.clock = clock;
    }

    /**
     * The citizen's browser has drawn the ticket of the booking requested at {@code requestedAt}: step 8 is timed
     * from the request to now, once (a second answer of the same page adds nothing). Another's code is not found.
     */
    @Transactional
    public void shown(CitizenSession citizen, String code, Instant requestedAt) {
        Booking booking = bookings.ofCitizen(citizen, code);
        CaseRef caseRef = new CaseRef(Procedure.A_BOOKING, booking.code());
        if (stepClock.history(caseRef).stream().anyMatch(step -> step.step() == SopStep.A8_TICKET)) {
            return;
        }
        Instant now = clock.instant();
        stepClock.recordFinished(List.of(new FinishedStep(caseRef, SopStep.A8_TICKET, requestedAt,
                now.isBefore(requestedAt) ? requestedAt : now, citizen.owner(), booking.servicePoint())));
    }
}

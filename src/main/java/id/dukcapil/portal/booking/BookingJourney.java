package id.dukcapil.portal.booking;

import id.dukcapil.portal.sla.CaseRef;
import id.dukcapil.portal.sla.FinishedStep;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * When the citizen started each step of SOP A before the booking was made, as the BDS web saw it. The API sees
 * only the last step (the request that makes the ticket), so an app's journey holds less.
 *
 * @param ticketOnScreen whether step 8 ends when the web has drawn the ticket ({@link TicketSteps}); otherwise the
 *                       booking's answer carries the ticket and its commit ends the step (an app)
 */
public record BookingJourney(Map<SopStep, Instant> started, boolean ticketOnScreen) {

    private static final Set<SopStep> ACCOUNT_STEPS = EnumSet.of(SopStep.A3_REGISTER, SopStep.A4_ENTER_OTP);

    public BookingJourney {
        started = Map.copyOf(new TreeMap<>(started));
    }

    public BookingJourney(Map<SopStep, Instant> started) {
        this(started, false);
    }

    public static BookingJourney none() {
        return new BookingJourney(Map.of());
    }

    /**
     * Each step the journey saw, from its start to the next step's start; the last step ends at {@code end}. The
     * booking code names the case. Steps 3 and 4 (the registration and its code) are the account's, timed when each
     * ends (a citizen may register and book in different sessions): their starts only end the step before them. Step 8
     * is left to {@link TicketSteps} when the web draws the ticket.
     */
    public List<FinishedStep> finishedSteps(String bookingCode, Instant end, String actor, String servicePoint) {
        CaseRef caseRef = new CaseRef(Procedure.A_BOOKING, bookingCode);
        // In the SOP's order (the map itself keeps none).
        List<Map.Entry<SopStep, Instant>> steps = new ArrayList<>(new TreeMap<>(started).entrySet());
        List<FinishedStep> finished = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            if (ACCOUNT_STEPS.contains(steps.get(i).getKey())
                    || ticketOnScreen && steps.get(i).getKey() == SopStep.A8_TICKET) {
                continue;
            }
            Instant start = steps.get(i).getValue();
            Instant stop = i + 1 < steps.size() ? steps.get(i + 1).getValue() : end;
            finished.add(new FinishedStep(caseRef, steps.get(i).getKey(), start, stop.isBefore(start) ? start : stop,
                    actor, servicePoint));
        }
        return finished;
    }

    public BookingJourney with(SopStep step, Instant at) {
        Map<SopStep, Instant> more = new TreeMap<>(started);
        more.putIfAbsent(step, at);
        return new BookingJourney(more, ticketOnScreen);
    }

    /** The same journey, its step 8 ended when the web has drawn the ticket. */
    public BookingJourney endingOnScreen() {
        return new BookingJourney(started, true);
    }
}

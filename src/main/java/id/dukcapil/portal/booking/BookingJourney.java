package id.dukcapil.portal.booking;

import id.dukcapil.portal.sla.SopStep;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * When the citizen started each step of SOP A before the booking was made, as the BDS web saw it. The API sees
 * only the last step (the request that makes the ticket), so an app's journey holds less.
 */
public record BookingJourney(Map<SopStep, Instant> started) {

    public BookingJourney {
        started = Map.copyOf(new TreeMap<>(started));
    }

    public static BookingJourney none() {
        return new BookingJourney(Map.of());
    }

    public BookingJourney with(SopStep step, Instant at) {
        Map<SopStep, Instant> more = new TreeMap<>(started);
        more.putIfAbsent(step, at);
        return new BookingJourney(more);
    }
}

package id.dukcapil.portal.kkprint;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A request as the citizen may see it: its state and every change, without staff names or internal notes. */
public record CitizenStatus(String trackingNumber, RequestState status, Instant submittedAt, List<Event> history) {

    public CitizenStatus {
        history = List.copyOf(history);
    }

    public record Event(Instant at, RequestState status, @Nullable String reason) {
    }
}

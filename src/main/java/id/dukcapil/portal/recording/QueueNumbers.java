package id.dukcapil.portal.recording;

import id.dukcapil.portal.recording.internal.VisitEntity;
import id.dukcapil.portal.recording.internal.VisitRepository;
import id.dukcapil.portal.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queue numbers per service point per day: counted in the visit's own transaction, so numbers are gapless and never
 * repeated under concurrent desks (the counter row stays locked until the visit commits). The ticket shows the
 * queue's prefix where the office wants one ({@code portal.recording.queue-prefix}, e.g. {@code R}: R-007).
 */
@Component
class QueueNumbers {

    private final VisitRepository visits;
    private final PointDaysOut pointDaysOut;
    private final String prefix;

    QueueNumbers(VisitRepository visits, PointDaysOut pointDaysOut,
                 @Value("${portal.recording.queue-prefix:}") String prefix) {
        this.visits = visits;
        this.pointDaysOut = pointDaysOut;
        this.prefix = prefix.strip();
    }

    /** Gives the visit its number; the ticket as shown and called. */
    @Transactional(propagation = Propagation.MANDATORY)
    String issue(VisitEntity visit, @Nullable Priority priority, java.time.Instant at) {
        visit.awaitingNumber(); // refused before the point's counter is taken
        int number = visits.nextNumber(visit.servicePoint(), visit.day());
        // The counter is locked from here: a checkout of the point's day at this moment has committed or waits.
        pointDaysOut.refuseIfOut(visit.servicePoint());
        String ticket = ticket(number);
        visit.queue(number, ticket, priority, at); // a refusal rolls the number back with the visit: no gap
        return ticket;
    }

    String ticket(int number) {
        String digits = "%03d".formatted(number);
        return prefix.isEmpty() ? digits : prefix + "-" + digits;
    }
}

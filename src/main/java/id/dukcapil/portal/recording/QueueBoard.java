package id.dukcapil.portal.recording;

import id.dukcapil.portal.recording.internal.VisitRepository;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The waiting room's display board of a point: the numbers being called and at which desk, newest first, whichever
 * way they were called (the next number, a recall, a number taken over at another desk), how many wait and for how
 * long. A number marked absent leaves the board (nobody is to go to its desk any more) until it is called again.
 * Public: it shows numbers and desks only, never a name.
 */
@Service
public class QueueBoard {

    /** How many calls the board lists: the newest large, the others below it. */
    static final int CALLS = 6;

    public record Call(String ticket, String desk, Instant calledAt) {
    }

    /** The recordings of the day the wait estimate looks at: the latest, so it follows the desks' pace. */
    static final int PACE = 30;
    /** A desk that called within this long is at work: the queue moves one number per such desk at a time. */
    static final Duration DESK_AT_WORK = Duration.ofMinutes(30);

    /**
     * The board of a point's recording queue (the one service its waiting room queues for): the latest calls, how
     * many wait and how long a number given now would wait.
     */
    public record Board(String servicePoint, String pointName, List<Call> calls, int waiting, WaitEstimate estimate) {
    }

    private final VisitRepository visits;
    private final ServicePoints servicePoints;
    private final Clock clock;

    QueueBoard(VisitRepository visits, ServicePoints servicePoints, Clock clock) {
        this.visits = visits;
        this.servicePoints = servicePoints;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Board of(String point) {
        ServicePoint servicePoint = servicePoints.byCode(point)
                .orElseThrow(() -> new RuleViolation("recording.error.unknown-point", point));
        LocalDate today = LocalDate.now(clock);
        List<Call> calls = visits.latestCalls(point, today, org.springframework.data.domain.Limit.of(CALLS)).stream()
                .map(id.dukcapil.portal.recording.internal.VisitEntity::toRecord)
                .filter(visit -> visit.ticket() != null && visit.desk() != null && visit.calledAt() != null)
                .map(visit -> new Call(visit.ticket(), visit.desk(), visit.calledAt())).toList();
        int waiting = visits.countByServicePointAndDayAndState(point, today, VisitState.QUEUED);
        WaitEstimate estimate = WaitEstimate.of(waiting, visits.recordingTimes(point, today, PACE),
                visits.desksCallingSince(point, today, clock.instant().minus(DESK_AT_WORK)));
        return new Board(point, servicePoint.name(), calls, waiting, estimate);
    }
}

package id.dukcapil.portal.recording;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.recording.internal.VisitEntity;
import id.dukcapil.portal.recording.internal.VisitRepository;
import id.dukcapil.portal.recording.internal.VisitSql;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.sla.StepClock;
import id.dukcapil.portal.sla.StepRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of a recording point's day (SOP C has none of its own): every visit still open — waiting, called, absent,
 * sent back and not queued again, recorded with the proof not handed, still at registration — is closed with the
 * state it was left in as its outcome, its open step ended abandoned (it did not happen: the report counts it apart,
 * never as done within its standard), so no step stays open for ever and the register and the report count it. The registration desk closes its day; what a desk left open, the night closes at the day's
 * closing time ({@code portal.recording.closing-time}).
 */
@Service
public class DayClosing {

    private final VisitRepository visits;
    private final StepClock stepClock;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final LocalTime closingTime;
    private final PointDaysOut pointDaysOut;

    DayClosing(VisitRepository visits, StepClock stepClock, AuditLog auditLog, CurrentActor currentActor, Clock clock,
               @Value("${portal.recording.closing-time:16:00}") LocalTime closingTime, PointDaysOut pointDaysOut) {
        this.pointDaysOut = pointDaysOut;
        this.visits = visits;
        this.stepClock = stepClock;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.clock = clock;
        this.closingTime = closingTime;
    }

    /** What closing today would close at the operator's point, by the state each visit is in: the confirmation. */
    @PreAuthorize("hasRole('" + Roles.REGISTRATION_OPERATOR + "')")
    @Transactional(readOnly = true)
    public Map<VisitState, Integer> openToday() {
        Map<VisitState, Integer> open = new EnumMap<>(VisitState.class);
        visits.ofDayIn(currentActor.servicePoint(), LocalDate.now(clock), VisitTransition.open())
                .forEach(visit -> open.merge(visit.state(), 1, Integer::sum));
        return open;
    }

    /** The registration desk closes its point's day now; how many visits it closed. */
    @PreAuthorize("hasRole('" + Roles.REGISTRATION_OPERATOR + "')")
    @Transactional
    public int closeToday() {
        pointDaysOut.refuseIfOut(currentActor.servicePoint());
        return close(currentActor.servicePoint(), LocalDate.now(clock), clock.instant(), currentActor.id());
    }

    /** Every point's earlier day a desk left open, closed at that day's closing time; how many visits. */
    @Transactional
    int closeDaysLeftOpen(String by) {
        int closed = 0;
        for (VisitSql.PointDay left : visits.daysLeftOpen(LocalDate.now(clock))) {
            if (pointDaysOut.out(left.point()).isPresent()) {
                continue; // its day is at an outpost: what arrives from it closes its own visits (decision 200)
            }
            Instant at = left.day().atTime(closingTime).atZone(clock.getZone()).toInstant();
            closed += close(left.point(), left.day(), at, by);
        }
        return closed;
    }

    private int close(String point, LocalDate day, Instant at, String by) {
        int closed = 0;
        // Locked as read: a desk's move on one of them waits for the close, then is refused in words.
        for (VisitEntity visit : visits.lockedOfDayIn(point, day, VisitTransition.open())) {
            // Work done after the closing time (a desk open late) is not undone: the close is never before it.
            Instant end = at.isBefore(lastMove(visit)) ? lastMove(visit) : at;
            VisitState leftIn = visit.state();
            visit.close(end, by);
            List<StepRecord> open = stepClock.now(RecordingClocks.caseRef(visit.id()))
                    .map(caseClock -> caseClock.current()).orElse(List.of());
            for (StepRecord step : open) {
                Instant stepEnd = end.isBefore(step.startedAt()) ? step.startedAt() : end;
                // Not done: the resident left, or was never called, recorded or handed the proof (issue 54).
                stepClock.abandonIfOpen(step.caseRef(), step.step(), stepEnd, by, "day closed, left " + leftIn);
            }
            auditLog.record(AuditRecord.success("recording.visit.closed", "RecordingVisit",
                    String.valueOf(visit.id())).withDetail("left " + leftIn + " at the day's end"));
            closed++;
        }
        if (closed > 0) {
            auditLog.record(AuditRecord.success("recording.day.closed", "RecordingDay", point + "/" + day)
                    .withDetail(closed + " visits closed"));
        }
        return closed;
    }

    private static Instant lastMove(VisitEntity visit) {
        Instant last = visit.startedAt();
        if (visit.calledAt() != null && visit.calledAt().isAfter(last)) {
            last = visit.calledAt();
        }
        return last;
    }
}

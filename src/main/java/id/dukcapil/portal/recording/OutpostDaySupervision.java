package id.dukcapil.portal.recording;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.recording.internal.DayCheckoutEntity;
import id.dukcapil.portal.recording.internal.DayCheckoutRepository;
import id.dukcapil.portal.recording.internal.DayOperationRepository;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisor's side of the points' days at outposts (issue 53, decision 200): which day is out where, a day taken
 * back from a machine lost or broken, and the steps an outpost brought that the Dinas kept rather than applied.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.PLANNER + "','" + Roles.ADMIN + "')")
public class OutpostDaySupervision {

    /** A take-back's reason at most: the column's length. */
    public static final int TAKE_BACK_REASON_MAX = 300;

    private final DayCheckoutRepository checkouts;
    private final DayOperationRepository operations;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final ServicePoints servicePoints;

    OutpostDaySupervision(DayCheckoutRepository checkouts, DayOperationRepository operations, AuditLog auditLog,
                          CurrentActor currentActor, Clock clock, ServicePoints servicePoints) {
        this.servicePoints = servicePoints;
        this.checkouts = checkouts;
        this.operations = operations;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** A point's day out at an outpost, as the supervisor's list shows it. */
    public record DayOut(long checkoutId, String point, LocalDate day, String outpost, String checkedOutBy,
                         Instant checkedOutAt) {
    }

    /** A step an outpost brought that the Dinas kept for a supervisor: what the outpost did, what the Dinas had. */
    public record Conflict(String operationId, String point, LocalDate day, String outpost, String step,
                           Instant happenedAt, String staff, String outpostVersion, String dinasVersion) {
    }

    /** The points' days out at outposts now, the longest out first. */
    @Transactional(readOnly = true)
    public List<DayOut> out() {
        return checkouts.allOut().stream().map(out -> new DayOut(out.id(), pointName(out.servicePoint()), out.day(),
                out.outpost(), out.checkedOutBy(), out.checkedOutAt())).toList();
    }

    /** The outposts' steps kept for a supervisor, the latest arrival first (at most 500). */
    @Transactional(readOnly = true)
    public List<Conflict> conflicts() {
        return operations.toReconcile(Limit.of(500)).stream().map(kept -> {
            DayCheckoutEntity checkout = checkouts.findById(kept.checkoutId()).orElseThrow();
            return new Conflict(kept.getId(), pointName(checkout.servicePoint()), checkout.day(), checkout.outpost(),
                    kept.kind(), kept.happenedAt(), kept.staff(), String.valueOf(kept.outpostVersion()),
                    String.valueOf(kept.dinasVersion()));
        }).toList();
    }

    /**
     * A supervisor takes a point's day back from its outpost without the bundle (the machine lost, stolen or broken):
     * the point's desks at the Dinas work again at once; what that outpost may still send is kept for a supervisor,
     * step by step, never applied. With the reason, audited.
     */
    @Transactional
    public void takeBack(long checkoutId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > TAKE_BACK_REASON_MAX) {
            throw new RuleViolation("shared.reason.required", TAKE_BACK_REASON_MAX);
        }
        DayCheckoutEntity out = checkouts.findLockedById(checkoutId)
                .filter(found -> found.state() == DayCheckoutEntity.State.OUT)
                .orElseThrow(() -> new RuleViolation("recording.error.day-not-out"));
        out.takenBack(currentActor.id(), clock.instant(), why);
        checkouts.saveAndFlush(out);
        auditLog.record(AuditRecord.success("recording.day.taken-back", "ServicePoint", out.servicePoint())
                .withDetail("outpost=" + out.outpost() + "; day=" + out.day() + "; held by=" + out.checkedOutBy()
                        + "; since=" + out.checkedOutAt() + "; reason=" + why));
    }


    /** A point as a screen shows it: by its name, not its code. */
    private String pointName(String code) {
        return servicePoints.byCode(code).map(ServicePoint::name).orElse(code);
    }
}

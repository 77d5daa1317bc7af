package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.schoolvisit.internal.SchoolVisitEntity;
import id.dukcapil.portal.schoolvisit.internal.SchoolVisitRepository;
import id.dukcapil.portal.schoolvisit.internal.VisitReads;
import id.dukcapil.portal.shared.RuleViolation;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * A visit as the signed-in officer's team holds it: found only if they are in its team, underway when a student's
 * step needs it, and written at once so that a change another officer saved meanwhile is refused in words. Shared by
 * the visit's own desk ({@link VisitDesk}) and the students' ({@link FieldDesk}); runs in their transactions.
 */
@Component
class TeamVisits {

    private final VisitReads plans;
    private final SchoolVisitRepository visits;
    private final CurrentActor currentActor;
    private final VisitsOut out;

    TeamVisits(VisitReads plans, SchoolVisitRepository visits, CurrentActor currentActor, VisitsOut out) {
        this.plans = plans;
        this.visits = visits;
        this.currentActor = currentActor;
        this.out = out;
    }

    /** A visit of the signed-in officer's team. */
    public SchoolVisit mine(long visitId) {
        SchoolVisit visit = plans.visit(visitId)
                .orElseThrow(() -> new RuleViolation("schoolvisit.error.visit-not-found"));
        if (!visit.team().contains(currentActor.id())) {
            throw new RuleViolation("schoolvisit.error.not-in-team");
        }
        return visit;
    }

    /** A visit of the team, set out and not yet closed, and not out at an outpost: its students' steps change. */
    public SchoolVisit underway(long visitId) {
        SchoolVisit visit = mine(visitId);
        if (visit.state() != VisitState.UNDERWAY) {
            throw new RuleViolation("schoolvisit.error.visit-not-underway");
        }
        out.refuseIfOut(visitId);
        return visit;
    }

    /**
     * As {@link #underway}, the visit's row locked first until the transaction ends: of two checkouts at once the
     * second waits, then finds the first's and is refused (call it before any other read of the transaction).
     */
    public SchoolVisit underwayLocked(long visitId) {
        visits.lockById(visitId).orElseThrow(() -> new RuleViolation("schoolvisit.error.visit-not-found"));
        return underway(visitId);
    }

    /** The visit's entity, to change. */
    public SchoolVisitEntity toChange(long visitId) {
        return visits.findById(visitId).orElseThrow();
    }

    /**
     * Writes the visit's change now: a change another officer of the team saved meanwhile is refused in words, and so
     * is any change while the visit is out at an outpost.
     */
    public void change(SchoolVisitEntity visit) {
        out.refuseIfOut(visit.id());
        try {
            visits.saveAndFlush(visit);
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            throw new RuleViolation("schoolvisit.error.visit-changed");
        }
    }

    /** The visit's reference in the blank-card ledger and the register's change notes. */
    static String reference(long visitId) {
        return "D-V" + visitId;
    }
}

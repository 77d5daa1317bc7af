package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.schoolvisit.internal.SchoolVisitEntity;
import id.dukcapil.portal.schoolvisit.internal.VisitReads;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.sla.SopStep;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SOP D step 2 for the visit's team, the visit itself: today's visits, the kit and blank cards taken out of the
 * point's stock, ready at the school, and the close that brings the unused cards back. A repeated action (a retry
 * after a lost connection) finds it done and changes nothing (decision 096). The students' steps are
 * {@link FieldDesk}'s.
 */
@Service
@PreAuthorize(FieldDesk.TEAM)
public class VisitDesk {

    /** The most blank cards one visit takes out. */
    public static final int CARDS_MAX = 500;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final VisitReads plans;
    private final TeamVisits team;
    private final BlankoStock blanko;
    private final SchoolVisitClocks clocks;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final Clock clock;

    VisitDesk(VisitReads plans, TeamVisits team, BlankoStock blanko, SchoolVisitClocks clocks, AuditLog auditLog,
              CurrentActor currentActor, Clock clock) {
        this.plans = plans;
        this.team = team;
        this.blanko = blanko;
        this.clocks = clocks;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** The signed-in officer's visits of today. */
    @Transactional(readOnly = true)
    public List<SchoolVisit> today() {
        return plans.ofOfficer(currentActor.id(), LocalDate.now(clock));
    }

    @Transactional(readOnly = true)
    public SchoolVisit visit(long visitId) {
        return team.mine(visitId);
    }

    /** Step 2 begins: the team takes the kit and blank cards from the point's stock and sets out. */
    @Transactional
    public SchoolVisit setOut(long visitId, int cards) {
        SchoolVisit visit = team.mine(visitId);
        if (visit.state() != VisitState.PLANNED) {
            return visit;
        }
        if (!visit.day().equals(LocalDate.now(clock))) {
            throw new RuleViolation("schoolvisit.error.not-today", DAY.format(visit.day()));
        }
        if (cards < 0 || cards > CARDS_MAX) {
            throw new RuleViolation("schoolvisit.error.cards", CARDS_MAX);
        }
        SchoolVisitEntity settingOut = team.toChange(visitId);
        settingOut.setOut(cards);
        team.change(settingOut);
        if (cards > 0) {
            blanko.toField(visit.servicePoint(), cards, TeamVisits.reference(visitId));
        }
        clocks.enter(SchoolVisitClocks.visit(visitId), SopStep.D2_PREPARATION_AND_VISIT, clock.instant(),
                visit.servicePoint());
        auditLog.record(AuditRecord.success("schoolvisit.visit.set-out", "SchoolVisit", String.valueOf(visitId))
                .withDetail("cards=" + cards));
        return team.mine(visitId);
    }

    /** Step 2 ends: at the school, the equipment set up and ready. */
    @Transactional
    public SchoolVisit ready(long visitId) {
        SchoolVisit visit = team.underway(visitId);
        if (clocks.leaveIfOpen(SchoolVisitClocks.visit(visitId), SopStep.D2_PREPARATION_AND_VISIT, clock.instant())) {
            auditLog.record(AuditRecord.success("schoolvisit.visit.ready", "SchoolVisit", String.valueOf(visitId)));
        }
        return visit;
    }

    /** The visit ends: the blank cards not used go back into the point's stock; step 2 ends if still open. */
    @Transactional
    public SchoolVisit close(long visitId) {
        SchoolVisit visit = team.mine(visitId);
        if (visit.state() == VisitState.CLOSED) {
            return visit;
        }
        SchoolVisitEntity closing = team.toChange(visitId);
        closing.close();
        team.change(closing);
        // The cards come back to the point, the spoiled ones too (for the record of their destruction): those go
        // out of the stock again as spoiled, so the ledger tells what came back and what of it can be used.
        int back = visit.cardsLeft() + visit.cardsSpoiled();
        if (back > 0) {
            blanko.fromField(visit.servicePoint(), back, TeamVisits.reference(visitId));
        }
        if (visit.cardsSpoiled() > 0) {
            blanko.spoiledInField(visit.servicePoint(), visit.cardsSpoiled(), TeamVisits.reference(visitId));
        }
        clocks.leaveIfOpen(SchoolVisitClocks.visit(visitId), SopStep.D2_PREPARATION_AND_VISIT, clock.instant());
        auditLog.record(AuditRecord.success("schoolvisit.visit.closed", "SchoolVisit", String.valueOf(visitId))
                .withDetail("cards printed=" + visit.cardsPrinted() + "; spoiled=" + visit.cardsSpoiled()
                        + "; returned=" + visit.cardsLeft()));
        return team.mine(visitId);
    }
}

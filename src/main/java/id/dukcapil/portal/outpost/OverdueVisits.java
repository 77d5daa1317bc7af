package id.dukcapil.portal.outpost;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.outpost.internal.TakenDayEntity;
import id.dukcapil.portal.outpost.internal.TakenDayRepository;
import id.dukcapil.portal.outpost.internal.TakenVisitEntity;
import id.dukcapil.portal.outpost.internal.TakenVisitRepository;
import id.dukcapil.portal.shared.Acting;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.staff.CarriedAccounts;
import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A visit (or a recording point's day, decision 200) held past its time ({@code portal.outpost.max-out}, decision 199): the team's accounts carried with it are
 * closed on this laptop, so a laptop left out, lost or stolen stops opening to the team's passwords, and the Dinas's
 * password hashes leave it. The visit stays held with every step it kept and goes back as before: the laptop's
 * administrator opens its data with an officer's password and sends it with an officer's Dinas credentials typed.
 */
@Component
class OverdueVisits {

    private static final Authentication SYSTEM = UsernamePasswordAuthenticationToken.authenticated("system", null,
            AuthorityUtils.createAuthorityList("ROLE_" + Roles.ADMIN));

    private final TakenVisitRepository visits;
    private final TakenDayRepository days;
    private final CarriedAccounts carriedAccounts;
    private final OutpostProperties settings;
    private final AuditLog auditLog;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OverdueVisits(TakenVisitRepository visits, TakenDayRepository days, CarriedAccounts carriedAccounts,
                  OutpostProperties settings, AuditLog auditLog, TransactionTemplate transactions, Clock clock) {
        this.visits = visits;
        this.days = days;
        this.carriedAccounts = carriedAccounts;
        this.settings = settings;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${portal.outpost.overdue-check:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "outpost-overdue-visits", lockAtMostFor = "PT10M",
            lockAtLeastFor = "${portal.outpost.overdue-check:PT1M}")
    public void scheduledCheck() {
        closeOverdue();
    }

    /**
     * Closes the carried accounts of the visit held, if its time has run out; whether it did now. The laptop's own
     * job, nobody's sign-in: it acts as the system with an administrator's right to close accounts.
     */
    public boolean closeOverdue() {
        if (!settings.enabled()) {
            return false; // accounts are carried only on an outpost
        }
        boolean visit = Acting.as(SYSTEM, () -> Boolean.TRUE.equals(transactions.execute(status -> visits.heldLocked()
                .filter(held -> clock.instant().isAfter(held.checkedOutAt().plus(settings.maxOut())))
                .filter(held -> !held.carriedAccounts().isEmpty())
                .map(this::close).orElse(false))));
        // A recording point's day likewise (decision 200): past its limit, its desk operators' accounts close.
        boolean day = Acting.as(SYSTEM, () -> Boolean.TRUE.equals(transactions.execute(status -> days.heldLocked()
                .filter(held -> clock.instant().isAfter(held.checkedOutAt().plus(settings.maxOut())))
                .filter(held -> !held.carriedAccounts().isEmpty())
                .map(this::close).orElse(false))));
        return visit || day;
    }

    private boolean close(TakenDayEntity day) {
        carriedAccounts.release(day.carriedAccounts(), "RecordingDay:" + day.checkoutId());
        auditLog.record(AuditRecord.success("outpost.day.accounts-closed", "ServicePoint", day.point())
                .withDetail("checkout=" + day.checkoutId() + "; overdue since "
                        + day.checkedOutAt().plus(settings.maxOut()) + "; accounts=" + day.carriedAccounts().size()));
        day.carried(java.util.List.of());
        days.saveAndFlush(day);
        return true;
    }

    private boolean close(TakenVisitEntity visit) {
        carriedAccounts.release(visit.carriedAccounts(), "SchoolVisit:" + visit.visitId());
        auditLog.record(AuditRecord.success("outpost.visit.accounts-closed", "SchoolVisit",
                String.valueOf(visit.visitId())).withDetail("checkout=" + visit.checkoutId() + "; overdue since "
                + visit.checkedOutAt().plus(settings.maxOut()) + "; accounts=" + visit.carriedAccounts().size()));
        visit.carried(java.util.List.of());
        visits.saveAndFlush(visit);
        return true;
    }
}

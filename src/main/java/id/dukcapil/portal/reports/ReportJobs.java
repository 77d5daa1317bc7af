package id.dukcapil.portal.reports;

import id.dukcapil.portal.shared.Acting;
import id.dukcapil.portal.shared.Roles;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Component;

/**
 * The reports' background work, each once per period in the whole cluster (ShedLock): the rollups of days with
 * newly ended steps every minute, a nightly count check of the last two months, and the monthly mail. They act as
 * the portal itself with the MANAGER's read rights. A fixed-delay job's lock is held at least its interval, a cron
 * job's at least an hour: a node whose clock is a few seconds (or minutes) off fires after the lock's holder has
 * finished, and finds the lock still taken. The work is idempotent per period too (a day's rollup is rebuilt
 * whole; the month's mail is claimed by a row), so a lock lost mid-way does not double it.
 */
@Component
class ReportJobs {

    /** A nightly check looks this far back for a step recorded with an end already long past. */
    static final int RECONCILE_DAYS = 62;
    private static final Authentication SYSTEM = UsernamePasswordAuthenticationToken.authenticated("system", null,
            AuthorityUtils.createAuthorityList("ROLE_" + Roles.MANAGER));

    private final DailyRollups rollups;
    private final MonthlyReportMail monthly;
    private final List<String> managers;
    private final Clock clock;

    ReportJobs(DailyRollups rollups, MonthlyReportMail monthly,
               @Value("${portal.reports.monthly-mail.recipients:}") List<String> managers, Clock clock) {
        this.rollups = rollups;
        this.monthly = monthly;
        this.managers = managers.stream().map(String::strip).filter(address -> !address.isEmpty()).toList();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${portal.reports.rollup-interval:PT1M}", initialDelayString = "PT2M")
    @SchedulerLock(name = "reports-rollups", lockAtMostFor = "PT30M",
            lockAtLeastFor = "${portal.reports.rollup-interval:PT1M}")
    void refreshRollups() {
        Acting.as(SYSTEM, rollups::refresh);
    }

    @Scheduled(cron = "0 15 1 * * *", zone = "Asia/Jakarta")
    @SchedulerLock(name = "reports-reconcile", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1H")
    void reconcile() {
        LocalDate today = LocalDate.now(clock);
        Acting.as(SYSTEM, () -> rollups.reconcile(today.minusDays(RECONCILE_DAYS), today));
    }

    @Scheduled(cron = "0 0 7 * * MON-FRI", zone = "Asia/Jakarta")
    @SchedulerLock(name = "reports-monthly-mail", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1H")
    void monthlyMail() {
        Acting.as(SYSTEM, () -> monthly.sendIfDue(managers));
    }
}

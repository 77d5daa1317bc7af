package id.dukcapil.portal.reports.demo;

import static id.dukcapil.portal.shared.Acting.as;
import static id.dukcapil.portal.shared.Acting.signedIn;

import id.dukcapil.portal.reports.DailyRollups;
import id.dukcapil.portal.shared.tx.DemoDataFill;
import id.dukcapil.portal.shared.tx.FirstStart;
import id.dukcapil.portal.sla.CaseRef;
import id.dukcapil.portal.sla.FinishedStep;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClock;
import id.dukcapil.portal.sla.StepLog;
import id.dukcapil.portal.sla.StepLogFilter;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo profile, first start: the previous month's SOP A and B steps at the Dinas, the MPP and five UKL (about
 * 400 a working day, durations spread around their standards, to the millisecond), so that the reports dashboard
 * has something to show. Not in the tests, which make their own months.
 */
@Component
@Profile("demo & !test")
class DemoReportSteps {

    private static final Logger log = LoggerFactory.getLogger(DemoReportSteps.class);
    private static final int PER_WORKING_DAY = 400;

    private final StepClock stepClock;
    private final StepLog stepLog;
    private final DailyRollups rollups;
    private final ServicePoints servicePoints;
    private final UserDetailsService users;
    private final Clock clock;
    private final FirstStart firstStart;

    DemoReportSteps(FirstStart firstStart,
                    StepClock stepClock, StepLog stepLog, DailyRollups rollups, ServicePoints servicePoints,
                    UserDetailsService users, Clock clock) {
        this.firstStart = firstStart;
        this.stepClock = stepClock;
        this.stepLog = stepLog;
        this.rollups = rollups;
        this.servicePoints = servicePoints;
        this.users = users;
        this.clock = clock;
    }

    @EventListener(DemoDataFill.class)
    @Order(DemoDataFill.REPORT_STEPS)
    void lastMonth() {
        firstStart.exclusively("demo report steps", this::fillLastMonth);
    }

    private void fillLastMonth() {
        YearMonth month = YearMonth.now(clock).minusMonths(1);
        var manager = signedIn(users, "manajer");
        StepLogFilter filter = StepLogFilter.between(month.atDay(1), month.atEndOfMonth());
        if (!as(manager, () -> stepLog.page(filter, PageRequest.of(0, 1)).isEmpty())) {
            return;
        }
        List<String> points = servicePoints.active().stream().map(ServicePoint::code).limit(7).toList();
        List<SopStep> steps = new ArrayList<>(Procedure.A_BOOKING.steps());
        // SOP B's steps 1-5 happen in the IKD app, out of the portal's sight: the portal times from the operator's check.
        Procedure.B_KK_PRINT.steps().stream().filter(step -> step.compareTo(SopStep.B6_OPERATOR_CHECK) >= 0)
                .forEach(steps::add);
        Random random = new Random(2026);
        int recorded = 0;
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            List<FinishedStep> finished = new ArrayList<>(PER_WORKING_DAY);
            for (int i = 0; i < PER_WORKING_DAY; i++) {
                SopStep step = steps.get(random.nextInt(steps.size()));
                int officer = random.nextInt(12);
                Instant start = day.atTime(8, 0).atZone(clock.getZone()).toInstant()
                        .plusSeconds(random.nextInt(7 * 3600));
                // Slower points and officers: a dashboard with something to find.
                double slowness = 0.7 + 0.08 * (officer % 7);
                long ms = Math.max(1_000, Math.round((step == SopStep.B9_QR_PIN_EMAIL ? 900_000 : 300_000) * slowness
                        * Math.exp(0.45 * random.nextGaussian())));
                finished.add(new FinishedStep(new CaseRef(step.procedure(), "DEMO-" + day + "-" + i), step, start,
                        start.plus(Duration.ofMillis(ms)), "petugas" + (officer + 1),
                        step.procedure() == Procedure.B_KK_PRINT ? ServicePoint.DINAS : points.get(officer % points.size())));
            }
            stepClock.recordFinished(finished);
            recorded += finished.size();
        }
        as(manager, rollups::refresh);
        log.info("Demo: {} SOP A and B steps recorded for {} and rolled up for the reports", recorded, month);
    }
}

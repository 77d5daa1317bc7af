package id.dukcapil.portal.ikd;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.ikd.internal.FailureLog;
import id.dukcapil.portal.ikd.internal.RegistrationEntity;
import id.dukcapil.portal.ikd.internal.RegistrationRepository;
import id.dukcapil.portal.ikd.internal.RegistrationTransition;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An activation is done in one visit: one not finished by the end of its day expires (the citizen left). Its NIK may
 * register again, its open step ends, and the daily report counts it as not finished. Each night for every point,
 * and at once for a NIK that registers again the next day.
 */
@Component
class UnfinishedRegistrations {

    private static final String JOB = "ikd-unfinished-registrations";
    /** The steps the citizen's app takes: an unfinished registration ends them abandoned. */
    static final List<SopStep> APP_STEPS = List.of(SopStep.E3_SELFIE, SopStep.E4_SCAN_ACTIVATION_QR,
            SopStep.E5_PIN_EMAIL_ACTIVATE);

    private final RegistrationRepository registrations;
    private final FailureLog failures;
    private final StepClock stepClock;
    private final AuditLog auditLog;
    private final Clock clock;

    UnfinishedRegistrations(RegistrationRepository registrations, FailureLog failures, StepClock stepClock,
                            AuditLog auditLog, Clock clock) {
        this.registrations = registrations;
        this.failures = failures;
        this.stepClock = stepClock;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Scheduled(cron = "0 10 0 * * *", zone = "Asia/Jakarta")
    // Once a night in the cluster: held an hour, past the schedule of a node whose clock is a little off.
    @SchedulerLock(name = JOB, lockAtMostFor = "PT1H", lockAtLeastFor = "PT1H")
    @Transactional
    public void expireEveryPoint() {
        expire(null);
    }

    /** Expires the unfinished registrations begun before today: all, or the given NIK's; whether any was. */
    @Transactional
    public boolean expire(@Nullable String nik) {
        boolean any = false;
        Instant now = clock.instant();
        Instant startOfToday = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
        // Locked as read: a PIN tried at midnight waits, then finds the registration expired.
        for (RegistrationEntity row : registrations.unfinishedBefore(startOfToday,
                RegistrationTransition.unfinished(), nik, Limit.of(1000))) {
            RegistrationState was = row.state();
            row.expire();
            any = true;
            failures.failure(row.servicePoint(), row.code(), row.qrOfficer(), IkdFailure.NOT_FINISHED, now);
            APP_STEPS.forEach(step -> stepClock.abandonIfOpen(Activations.caseRef(row.code()), step, now, JOB,
                    "not finished by the day's end"));
            auditLog.record(AuditRecord.success("ikd.expired", "IkdRegistration", row.code())
                    .withDetail("unfinished since " + row.registeredAt() + " (" + was + ")"));
        }
        return any;
    }
}

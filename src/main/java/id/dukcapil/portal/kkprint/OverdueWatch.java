package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.kkprint.internal.KkRequestEntity;
import id.dukcapil.portal.kkprint.internal.KkRequestRepository;
import org.springframework.data.domain.Limit;
import id.dukcapil.portal.notification.Outbox;
import id.dukcapil.portal.notification.OutgoingMail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Tells the MANAGERs (by e-mail, once per step) when a request has been in its step longer than the standard plus
 * a margin, reminds citizens whose QR code and PIN are about to expire unused, and ends releases past their
 * validity.
 */
@Component
public class OverdueWatch {

    private static final int BATCH = 100;

    private final TransactionTemplate transactions;
    private final KkRequestRepository store;
    private final KkDelivery delivery;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Duration margin;
    private final List<String> managers;
    private final Duration reminderAhead;

    OverdueWatch(TransactionTemplate transactions, KkRequestRepository store, KkDelivery delivery, Outbox outbox,
                 AuditLog auditLog, Clock clock,
                 @Value("${portal.kkprint.overdue.margin:PT10M}") Duration margin,
                 @Value("${portal.kkprint.overdue.notify:}") List<String> managers,
                 @Value("${portal.kkprint.reminder-ahead:P3D}") Duration reminderAhead) {
        this.reminderAhead = reminderAhead;
        this.transactions = transactions;
        this.store = store;
        this.delivery = delivery;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.clock = clock;
        this.margin = margin;
        this.managers = managers.stream().filter(address -> !address.isBlank()).toList();
    }

    @Scheduled(fixedDelayString = "${portal.kkprint.watch-interval:PT1M}", initialDelayString = "PT30S")
    // Once per interval in the cluster: the lock is held at least the interval, whichever node's schedule fires.
    @SchedulerLock(name = "kkprint-overdue-watch", lockAtMostFor = "PT5M",
            lockAtLeastFor = "${portal.kkprint.watch-interval:PT1M}")
    void scheduledRun() {
        notifyOverdue();
        delivery.remindExpiring(reminderAhead, BATCH);
        delivery.expireDue(BATCH);
    }

    /**
     * One round, in one transaction: each request over its standard by more than the margin, not reported yet.
     * Returns how many. The transaction is programmatic: {@link #scheduledRun()} calls this method on the object
     * itself, past the proxy, where an annotation would not start one (and the outbox needs one).
     */
    public int notifyOverdue() {
        Integer notified = transactions.execute(status -> notifyOverdueInTransaction());
        return notified == null ? 0 : notified;
    }

    private int notifyOverdueInTransaction() {
        Instant now = clock.instant();
        int notified = 0;
        for (KkRequestEntity request : store.overdueNotNotified(now.minus(margin), Limit.of(BATCH))) {
            if (request.stepDueAt() == null || store.markOverdueNotified(request.id(), request.stepDueAt()) != 1) {
                continue;
            }
            long minutesOver = Duration.between(request.stepDueAt(), now).toMinutes();
            for (String manager : managers) {
                outbox.enqueue(OutgoingMail.of(manager, "kkprint-overdue", CitizenMail.INDONESIAN,
                        Map.of("tracking", request.trackingNumber(), "step", String.valueOf(request.step()),
                                "state", request.state().name(), "minutes", minutesOver)));
            }
            auditLog.record(Actor.system("kkprint-overdue-watch"), AuditRecord.success("kkprint.request.overdue",
                    "KkPrintRequest", request.trackingNumber()).withDetail(request.step() + " +" + minutesOver + " min"));
            notified++;
        }
        return notified;
    }
}

package id.dukcapil.portal.audit;

import id.dukcapil.portal.audit.internal.AnchorDays;
import id.dukcapil.portal.audit.internal.AnchorFile;
import id.dukcapil.portal.audit.internal.AuditEntryReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each day, anchors the chain's head outside the database: a line in the anchors file beside the data, and an
 * e-mail to the ADMINs ({@link AuditChainAnchored}). A rewrite of history before an anchor then no longer matches
 * it, even if made with the key (decision 075).
 */
@Service
public class AuditAnchors {

    private final AuditEntryReader reader;
    private final AnchorDays days;
    private final AnchorFile file;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AuditAnchors(AuditEntryReader reader, AnchorDays days, AnchorFile file, AuditLog auditLog,
                 ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.reader = reader;
        this.days = days;
        this.file = file;
        this.auditLog = auditLog;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(cron = "${portal.audit.anchor-cron:0 5 0 * * *}", zone = "Asia/Jakarta")
    // Once a day in the cluster: held an hour, past the schedule of a node whose clock is a little off (a test that
    // runs the job every few seconds holds it a little less than its period).
    @SchedulerLock(name = "audit-daily-anchor", lockAtMostFor = "PT1H",
            lockAtLeastFor = "${portal.audit.anchor-lock-at-least-for:PT1H}")
    void scheduledRun() {
        anchorOnce(LocalDate.now(clock));
    }

    /**
     * The day's anchor, once however many runs of the day there are (a node whose lock ran out mid-way): the day's
     * row commits with the anchor's e-mail and audit entry, and a run that finds the day taken does nothing.
     */
    Optional<AuditAnchor> anchorOnce(LocalDate day) {
        return Optional.ofNullable(transactions.execute(status -> days.claim(day, clock.instant()) ? anchorNow() : null));
    }

    /**
     * Anchors the head as it is now. The file line comes first: it states a committed head, true whatever happens
     * to this transaction; the e-mail and the audit entry commit together.
     */
    public AuditAnchor anchorNow() {
        return transactions.execute(status -> {
            AuditEntryReader.ChainHeadRow head = reader.head();
            AuditAnchor anchor = new AuditAnchor(AuditAnchor.Kind.ANCHOR, head.lastSeq(), head.lastHash());
            Instant now = clock.instant();
            file.append(anchor, now);
            events.publishEvent(new AuditChainAnchored(anchor, now));
            auditLog.record(Actor.system("audit"), AuditRecord.success("audit.chain.anchored", "AuditChain",
                    Long.toString(head.lastSeq())).withDetail(anchor.text()));
            return anchor;
        });
    }
}

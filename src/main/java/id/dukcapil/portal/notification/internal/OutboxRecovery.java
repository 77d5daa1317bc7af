package id.dukcapil.portal.notification.internal;

import id.dukcapil.portal.shared.backup.SentJournal;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a stopped sender left, put right before a run claims anything. A message it had claimed but not begun to hand
 * over goes back to the queue (decision 078); one it was handing over may or may not have arrived, and is marked
 * UNCERTAIN, never sent again by itself (decision 020). Once per start, what the sent journal says a provider accepted
 * is SENT (decision 184).
 */
@Component
class OutboxRecovery {

    private static final Logger log = LoggerFactory.getLogger(OutboxRecovery.class);
    static final String ABANDONED = "The sender stopped while handing this message over; it may or may not have "
            + "arrived. Not sent again automatically.";

    private final OutboxRecoveryStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SentJournal journal;
    /** The sent journal is read once per start, before the first message goes out (decision 184). */
    private volatile boolean journalReplayed;

    OutboxRecovery(OutboxRecoveryStore store, TransactionTemplate transactions, Clock clock, SentJournal journal) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.journal = journal;
    }

    /** The claims of senders that died before {@code claimedBefore}. */
    public void recoverAbandoned(Instant claimedBefore) {
        // One unit of work: two senders recovering the same rows may deadlock, and the loser is tried again whole.
        OutboxRecoveryStore.Abandoned abandoned = Objects.requireNonNull(transactions.execute(
                status -> store.recoverAbandoned(claimedBefore, clock.instant(), ABANDONED)));
        if (abandoned.requeued() > 0) {
            log.warn("{} message(s) claimed by a sender that stopped were put back in the queue", abandoned.requeued());
        }
        if (abandoned.uncertain() > 0) {
            log.warn("{} message(s) were being handed over when their sender stopped; marked UNCERTAIN",
                    abandoned.uncertain());
        }
    }

    /**
     * Once per start, before the first message goes out: what the sent journal says a provider accepted since the
     * newest sent message the database knows (a day's margin) is SENT, not sent again. After a restore to an earlier
     * point that is the mail sent after it; on any other start, nothing changes (decision 184).
     */
    public void replayJournalOnce() {
        if (journalReplayed || !journal.keeping()) {
            return;
        }
        Instant since = store.lastSentAt().map(at -> at.minus(java.time.Duration.ofDays(1))).orElse(Instant.EPOCH);
        Set<String> sent = journal.sentSince(since);
        int changed = sent.isEmpty() ? 0 : store.recordSentByJournal(sent, clock.instant());
        if (changed > 0) {
            log.warn("{} message(s) the database did not know as sent were sent before (the sent journal): marked "
                    + "SENT, not sent again", changed);
        }
        journalReplayed = true;
    }
}

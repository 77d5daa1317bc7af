package id.dukcapil.portal.notification.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.instantOrNull;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;
import static id.dukcapil.portal.notification.internal.OutboxColumns.cut;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox's rows put right after a sender stopped: the claims it died holding, and the messages the sent journal
 * says a provider accepted while the database does not know it (a stop before the answer was recorded, a restore).
 */
@Component
public class OutboxRecoveryStore {

    /** What a message marked SENT from the sent journal says of its last attempt (decision 184). */
    static final String JOURNAL_ANSWER = "accepted before the portal stopped or was restored (the sent journal)";

    private final JdbcClient jdbc;

    OutboxRecoveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims of senders that died (SENDING since before {@code claimedBefore}): a message never handed over goes
     * back to the queue as if unclaimed; one handed over before then may or may not have arrived, and becomes
     * UNCERTAIN. A message a live sender handed over since is its own still: counted from its hand-over, not from the
     * batch's claim, a slow batch's latest message is never called uncertain while it is being sent.
     */
    public Abandoned recoverAbandoned(Instant claimedBefore, Instant now, String uncertainAnswer) {
        jdbc.sql("""
                INSERT INTO notification_attempt (message_id, channel, at, outcome, answer)
                SELECT id, channel, ?, 'UNCERTAIN', ? FROM notification_message
                WHERE state = 'SENDING' AND claimed_at < ? AND handed_over_at < ?""")
                .params(utc(now), cut(uncertainAnswer), utc(claimedBefore), utc(claimedBefore))
                .update();
        int requeued = jdbc.sql("""
                UPDATE notification_message SET state = IF(attempts > 1, 'RETRY', 'PENDING'),
                    attempts = attempts - 1, next_attempt_at = ?, claim_token = NULL
                WHERE state = 'SENDING' AND claimed_at < ? AND handed_over_at IS NULL""")
                .params(utc(now), utc(claimedBefore))
                .update();
        int uncertain = jdbc.sql("""
                UPDATE notification_message SET state = 'UNCERTAIN', last_answer = ?
                WHERE state = 'SENDING' AND claimed_at < ? AND handed_over_at < ?""")
                .params(cut(uncertainAnswer), utc(claimedBefore), utc(claimedBefore))
                .update();
        return new Abandoned(requeued, uncertain);
    }

    /** What {@link #recoverAbandoned} found: messages put back in the queue, and messages now uncertain. */
    public record Abandoned(int requeued, int uncertain) {
    }

    /**
     * After a restore to an earlier point or a stop before the answer was recorded (decision 184): the messages the
     * sent journal says a provider accepted are SENT, whatever the row says, each with its attempt logged as every
     * SENT one is, and their secrets erased. Answers how many changed.
     */
    @Transactional
    public int recordSentByJournal(java.util.Collection<String> messageIds, Instant at) {
        int changed = 0;
        List<String> all = new ArrayList<>(messageIds);
        for (int from = 0; from < all.size(); from += 1000) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 1000));
            List<Long> ids = jdbc.sql("SELECT id FROM notification_message WHERE message_id IN (:ids) AND state <> 'SENT'")
                    .param("ids", chunk).query(Long.class).list();
            if (ids.isEmpty()) {
                continue;
            }
            jdbc.sql("""
                    INSERT INTO notification_attempt (message_id, channel, at, outcome, answer)
                    SELECT id, channel, :at, 'SENT', :answer FROM notification_message
                    WHERE id IN (:ids) AND state <> 'SENT'""")
                    .param("at", utc(at)).param("answer", JOURNAL_ANSWER).param("ids", ids).update();
            changed += jdbc.sql("""
                    UPDATE notification_message SET state = 'SENT', sent_at = COALESCE(sent_at, :at), secret_values = NULL,
                        last_answer = :answer, claim_token = NULL
                    WHERE id IN (:ids) AND state <> 'SENT'""")
                    .param("at", utc(at)).param("answer", JOURNAL_ANSWER).param("ids", ids).update();
            jdbc.sql("UPDATE notification_attachment SET content = '' WHERE message_id IN (:ids) AND secret")
                    .param("ids", ids).update();
        }
        return changed;
    }

    /** When the newest message recorded as sent was sent, if any. */
    public java.util.Optional<Instant> lastSentAt() {
        return jdbc.sql("SELECT MAX(sent_at) FROM notification_message")
                .query((rs, n) -> instantOrNull(rs, 1)).optional();
    }
}

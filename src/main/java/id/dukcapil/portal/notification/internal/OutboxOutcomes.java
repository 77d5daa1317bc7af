package id.dukcapil.portal.notification.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;
import static id.dukcapil.portal.notification.internal.OutboxColumns.channels;
import static id.dukcapil.portal.notification.internal.OutboxColumns.cut;

import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.MessageState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What became of a claimed message's attempt: sent, tried again later, failed, uncertain, or passed to the next
 * channel, each attempt logged. Like every change of a claimed message, each names the claim token (see
 * {@link OutboxStore}) and is a unit of work of its own.
 */
@Component
public class OutboxOutcomes {

    /**
     * A message its provider accepted, to be recorded with its lane's group (decision 156): when, the provider's words
     * and the id its receipts will name, whether it has secret attachments to erase, and the receipt that came for it
     * before this record, if it leaves the message where it is (delivered, read, or undelivered with no channel left).
     */
    public record Sent(long id, Channel channel, Instant at, String answer, @Nullable String providerMessageId,
                       boolean secretAttachments, @Nullable Receipt receipt) {
    }

    /** A receipt recorded with its message's answer: what it said (a {@code ChannelStore.Delivery}), when, its words. */
    public record Receipt(String delivery, Instant at, String answer) {
    }

    private final JdbcClient jdbc;
    /** For a group's statements sent at once (JdbcClient has no batch). */
    private final JdbcTemplate batch;

    OutboxOutcomes(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * The providers accepted them: each is SENT, its secret parts are erased (they live on only in the recipient's
     * mailbox), its attempt (and its receipt's) logged. Also from UNCERTAIN: a run that outlived its lease still knows
     * best what happened. A group's messages in three statements, not three each (decision 156). Returns the ids
     * this call recorded.
     */
    @Transactional
    public Set<Long> recordSent(List<Sent> group, String token) {
        if (group.isEmpty()) {
            return Set.of();
        }
        int[] updated = batch.batchUpdate("""
                UPDATE notification_message SET state = 'SENT', sent_at = ?, last_answer = ?, secret_values = NULL,
                    provider_message_id = ?, delivery = COALESCE(?, delivery), delivery_at = COALESCE(?, delivery_at)
                WHERE id = ? AND claim_token = ? AND state IN ('SENDING', 'UNCERTAIN')""", group.stream()
                .map(sent -> new Object[] {utc(sent.at()), cut(sent.answer()), sent.providerMessageId(),
                        sent.receipt() == null ? null : sent.receipt().delivery(),
                        sent.receipt() == null ? null : utc(sent.receipt().at()), sent.id(), token})
                .toList());
        List<Long> ids = group.stream().map(Sent::id).toList();
        Set<Long> recorded = Arrays.stream(updated).allMatch(count -> count == 1) ? new HashSet<>(ids)
                : new HashSet<>(jdbc.sql("""
                        SELECT id FROM notification_message WHERE id IN (:ids) AND claim_token = :token AND state = 'SENT'""")
                        .param("ids", ids).param("token", token).query(Long.class).list());
        List<Object> attempts = new ArrayList<>();
        List<Long> secrets = new ArrayList<>();
        for (Sent sent : group) {
            if (recorded.contains(sent.id())) {
                attempts.addAll(List.of(sent.id(), sent.channel().name(), utc(sent.at()), "SENT", cut(sent.answer())));
                if (sent.receipt() != null) {
                    attempts.addAll(List.of(sent.id(), sent.channel().name(), utc(sent.receipt().at()),
                            sent.receipt().delivery(), cut(sent.receipt().answer())));
                }
                if (sent.secretAttachments()) {
                    secrets.add(sent.id());
                }
            }
        }
        if (!attempts.isEmpty()) {
            jdbc.sql("INSERT INTO notification_attempt (message_id, channel, at, outcome, answer) VALUES "
                            + String.join(", ", Collections.nCopies(attempts.size() / 5, "(?, ?, ?, ?, ?)")))
                    .params(attempts).update();
        }
        if (!secrets.isEmpty()) {
            jdbc.sql("UPDATE notification_attachment SET content = '' WHERE message_id IN (:ids) AND secret")
                    .param("ids", secrets).update();
        }
        return recorded;
    }

    /**
     * The channel's provider is back (decision 198): its messages waiting between attempts are due now, not at the end
     * of a back-off that grew while it was away. Only their time changes: they are claimed as any due message, once.
     */
    @Transactional
    public int dueNow(Channel channel, Instant now) {
        return jdbc.sql("""
                UPDATE notification_message SET next_attempt_at = ?
                WHERE channel = ? AND state = 'RETRY' AND next_attempt_at > ?""")
                .params(utc(now), channel.name(), utc(now)).update();
    }

    @Transactional
    public void recordRetry(long id, String token, Instant nextAttempt, String answer) {
        recordOutcome(id, token, MessageState.RETRY, nextAttempt, answer);
    }

    @Transactional
    public void recordFailed(long id, String token, Instant at, String answer) {
        recordOutcome(id, token, MessageState.FAILED, at, answer);
    }

    @Transactional
    public void recordUncertain(long id, String token, Instant at, String answer) {
        recordOutcome(id, token, MessageState.UNCERTAIN, at, answer);
    }

    private void recordOutcome(long id, String token, MessageState state, Instant nextAttempt, String answer) {
        if (jdbc.sql("""
                UPDATE notification_message SET state = ?, next_attempt_at = ?, last_answer = ?
                WHERE id = ? AND claim_token = ? AND state = 'SENDING'""")
                .params(state.name(), utc(nextAttempt), cut(answer), id, token)
                .update() == 1) {
            logAttempt(id, nextAttempt, state.name(), answer);
        }
    }

    /**
     * This channel failed for good (or was passed over, {@code outcome} SKIPPED): the message goes back to the queue
     * on the next channel, due now, with a fresh count of attempts. False when it is no longer this claim's.
     */
    @Transactional
    public boolean fallBack(long id, String token, Instant at, Channel failed, List<Channel> fallbacks, String outcome,
                            String answer) {
        logAttempt(id, failed, at, outcome, answer);
        return jdbc.sql("""
                UPDATE notification_message SET state = 'PENDING', channel = ?, fallbacks = ?, attempts = 0,
                    next_attempt_at = ?, last_answer = ?, claim_token = NULL, handed_over_at = NULL
                WHERE id = ? AND claim_token = ? AND state = 'SENDING'""")
                .params(fallbacks.getFirst().name(), channels(fallbacks.subList(1, fallbacks.size())), utc(at),
                        cut(failed.name() + ": " + answer), id, token)
                .update() == 1;
    }

    private void logAttempt(long id, Instant at, String outcome, String answer) {
        jdbc.sql("""
                INSERT INTO notification_attempt (message_id, channel, at, outcome, answer)
                SELECT id, channel, ?, ?, ? FROM notification_message WHERE id = ?""")
                .params(utc(at), outcome, cut(answer), id).update();
    }

    private void logAttempt(long id, Channel channel, Instant at, String outcome, String answer) {
        jdbc.sql("INSERT INTO notification_attempt (message_id, channel, at, outcome, answer) VALUES (?, ?, ?, ?, ?)")
                .params(id, channel.name(), utc(at), outcome, cut(answer)).update();
    }
}

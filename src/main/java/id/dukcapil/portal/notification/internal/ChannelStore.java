package id.dukcapil.portal.notification.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import id.dukcapil.portal.notification.Channel;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the phone channels learn after a message left: receipts (delivered, read, undelivered), opt-outs, and each
 * phone's pace. The outbox rows themselves stay {@link OutboxStore}'s; this changes only their delivery columns, or
 * puts an undelivered message on its next channel.
 */
@Component
public class ChannelStore {

    /** What a channel's receipt said. Ranked: a late "delivered" does not undo "read". */
    public enum Delivery {
        DELIVERED, READ, UNDELIVERED
    }

    private final JdbcClient jdbc;
    /** A channel's wake-up: a WhatsApp answer recorded does not send every waiting SMS receipt to the database. */
    private final Map<Channel, Object> answers = new EnumMap<>(Channel.class);

    ChannelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
        for (Channel channel : Channel.values()) {
            answers.put(channel, new Object());
        }
    }

    /**
     * A receipt for the message the provider knows by {@code providerMessageId}. UNDELIVERED puts a message that has
     * channels left back in the queue on the next one (the provider said it never reached the phone: sending it
     * elsewhere sends nothing twice). Returns whether a message of this channel had that id.
     */
    @Transactional
    public boolean receipt(Channel channel, String providerMessageId, Delivery delivery, Instant at, String answer) {
        Optional<Receipted> row = jdbc.sql("""
                SELECT id, delivery, fallbacks FROM notification_message
                WHERE provider_message_id = ? AND channel = ? AND state = 'SENT' FOR UPDATE""")
                .params(providerMessageId, channel.name())
                .query((rs, n) -> new Receipted(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
        if (row.isEmpty()) {
            return false;
        }
        Receipted message = row.get();
        jdbc.sql("INSERT INTO notification_attempt (message_id, channel, at, outcome, answer) VALUES (?, ?, ?, ?, ?)")
                .params(message.id(), channel.name(), utc(at), delivery.name(), OutboxStore.cut(answer)).update();
        if (message.delivery() != null && Delivery.valueOf(message.delivery()).compareTo(delivery) >= 0) {
            return true; // an earlier or repeated receipt, arriving late
        }
        List<Channel> fallbacks = OutboxStore.channels(message.fallbacks());
        if (delivery == Delivery.UNDELIVERED && !fallbacks.isEmpty()) {
            jdbc.sql("""
                    UPDATE notification_message SET state = 'PENDING', channel = ?, fallbacks = ?, attempts = 0,
                        next_attempt_at = ?, last_answer = ?, claim_token = NULL, handed_over_at = NULL,
                        provider_message_id = NULL, delivery = NULL, delivery_at = NULL, sent_at = NULL
                    WHERE id = ?""")
                    .params(fallbacks.getFirst().name(), OutboxStore.channels(fallbacks.subList(1, fallbacks.size())),
                            utc(at), OutboxStore.cut(channel.name() + " undelivered: " + answer), message.id())
                    .update();
        } else {
            jdbc.sql("UPDATE notification_message SET delivery = ?, delivery_at = ? WHERE id = ?")
                    .params(delivery.name(), utc(at), message.id()).update();
        }
        return true;
    }

    /**
     * The provider confirms a message this portal marked UNCERTAIN (its sender lost the answer): it was accepted
     * after all, and is SENT with the provider's id. Found by the outbox's own Message-ID, which the message carried.
     */
    @Transactional
    public boolean confirmUncertain(Channel channel, String messageId, String providerMessageId, Instant at) {
        return jdbc.sql("""
                UPDATE notification_message SET state = 'SENT', sent_at = ?, provider_message_id = ?,
                    secret_values = NULL, last_answer = 'Accepted: the provider reported it after the answer was lost'
                WHERE message_id = ? AND channel = ? AND state = 'UNCERTAIN'""")
                .params(utc(at), providerMessageId, messageId, channel.name())
                .update() == 1;
    }

    /**
     * Whether the message is being handed over on this channel right now: a receipt for it may have overtaken the
     * sender's record of the provider's answer.
     */
    public boolean beingHandedOver(Channel channel, String messageId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM notification_message WHERE message_id = ? AND channel = ? AND state = 'SENDING'
                    AND handed_over_at IS NOT NULL""")
                .params(messageId, channel.name()).query(Integer.class).single() > 0;
    }

    /**
     * This node's sender recorded a provider's answer: a receipt waiting for it looks again now ({@link
     * #awaitAnswerRecorded}). Only a wake-up, so it may stay in this JVM: the database says what was recorded, and a
     * receipt for another node's send looks again after its wait anyway.
     */
    public void answerRecorded(Channel channel) {
        Object recorded = answers.get(channel);
        synchronized (recorded) {
            recorded.notifyAll();
        }
    }

    /** Waits until this node's sender records an answer on this channel, or at most {@code millis}. */
    public void awaitAnswerRecorded(Channel channel, long millis) throws InterruptedException {
        Object recorded = answers.get(channel);
        synchronized (recorded) {
            recorded.wait(millis);
        }
    }

    /**
     * Whether any message is being handed over on this channel right now, on any node: a receipt that names no
     * message (SMPP's names only the gateway's id) may be one that overtook its sender's record.
     */
    public boolean anyBeingHandedOver(Channel channel) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM notification_message WHERE channel = ? AND state = 'SENDING'
                    AND handed_over_at IS NOT NULL""")
                .params(channel.name()).query(Integer.class).single() > 0;
    }

    /**
     * When messages went to these recipients on this channel since {@code since}, newest first: the phone for a phone
     * channel, the address for e-mail. One query for a whole batch.
     */
    public Map<String, List<Instant>> sentSince(Channel channel, Collection<String> recipients, Instant since) {
        Map<String, List<Instant>> sent = new HashMap<>();
        if (recipients.isEmpty()) {
            return sent;
        }
        String column = channel == Channel.EMAIL ? "recipient" : "phone";
        jdbc.sql("SELECT " + column + ", sent_at FROM notification_message WHERE channel = :channel AND " + column
                        + " IN (:recipients) AND state = 'SENT' AND sent_at > :since ORDER BY sent_at DESC")
                .param("channel", channel.name()).param("recipients", recipients).param("since", utc(since))
                .query((ResultSet rs) -> {
                    sent.computeIfAbsent(rs.getString(1), r -> new ArrayList<>()).add(instant(rs.getTimestamp(2)));
                });
        return sent;
    }

    /** Those of these phones that opted out of this channel. */
    public Set<String> optedOut(Channel channel, Collection<String> phones) {
        if (phones.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT phone FROM notification_opt_out WHERE channel = :channel AND phone IN (:phones)")
                .param("channel", channel.name()).param("phones", phones).query(String.class).list());
    }

    /**
     * The phone asked for no more messages on this channel; asked again, the first time stands. Returns whether this
     * was the first time.
     */
    @Transactional
    public boolean optOut(Channel channel, String phone, Instant at) {
        return jdbc.sql("INSERT IGNORE INTO notification_opt_out (channel, phone, at) VALUES (?, ?, ?)")
                .params(channel.name(), phone, utc(at)).update() == 1;
    }

    private record Receipted(long id, @Nullable String delivery, @Nullable String fallbacks) {
    }
}

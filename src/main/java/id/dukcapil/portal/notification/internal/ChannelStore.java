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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the phone channels learn after a message left: receipts (delivered, read, undelivered), opt-outs, and each
 * phone's pace. The outbox rows themselves stay the outbox's stores' ({@link OutboxStore}, {@link OutboxOutcomes});
 * this changes only their delivery columns, or puts an undelivered message on its next channel.
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
    private final Map<Channel, AtomicLong> recordings = new EnumMap<>(Channel.class);
    /**
     * The answers this node's sender holds and has not committed yet, by channel and provider id (decision 156): a
     * receipt for one is recorded in the transaction that records the answer. Only what this JVM's sender holds, so it
     * may stay local: a receipt found nowhere here goes to the database as before.
     */
    private final Map<String, Unrecorded> unrecorded = new ConcurrentHashMap<>();

    ChannelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
        for (Channel channel : Channel.values()) {
            answers.put(channel, new Object());
            recordings.put(channel, new AtomicLong());
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
                .params(message.id(), channel.name(), utc(at), delivery.name(), OutboxColumns.cut(answer)).update();
        if (message.delivery() != null && Delivery.valueOf(message.delivery()).compareTo(delivery) >= 0) {
            return true; // an earlier or repeated receipt, arriving late
        }
        List<Channel> fallbacks = OutboxColumns.channels(message.fallbacks());
        if (delivery == Delivery.UNDELIVERED && !fallbacks.isEmpty()) {
            jdbc.sql("""
                    UPDATE notification_message SET state = 'PENDING', channel = ?, fallbacks = ?, attempts = 0,
                        next_attempt_at = ?, last_answer = ?, claim_token = NULL, handed_over_at = NULL,
                        provider_message_id = NULL, delivery = NULL, delivery_at = NULL, sent_at = NULL
                    WHERE id = ?""")
                    .params(fallbacks.getFirst().name(), OutboxColumns.channels(fallbacks.subList(1, fallbacks.size())),
                            utc(at), OutboxColumns.cut(channel.name() + " undelivered: " + answer), message.id())
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
     * This node's sender holds the provider's answer to a message, to be recorded with its lane's next commit
     * (decision 156). A receipt for it arriving meanwhile ({@link #withItsAnswer}) is recorded in that commit, so it
     * costs no transaction of its own. Without a provider id there is nothing a receipt could name.
     */
    public Unrecorded answered(Channel channel, @Nullable String providerMessageId) {
        Unrecorded answer = new Unrecorded(channel, providerMessageId);
        if (providerMessageId != null) {
            unrecorded.put(answer.key, answer);
            wake(channel); // a receipt that overtook the answer looks again, and finds it here
        }
        return answer;
    }

    /**
     * A receipt for an answer this node's sender holds uncommitted: recorded with that answer, the future completed
     * once it is committed (or failed, if that commit failed). Empty if no such answer is held (any more).
     */
    public Optional<CompletableFuture<Void>> withItsAnswer(Channel channel, String providerMessageId, Delivery delivery,
                                                           Instant at, String answer) {
        Unrecorded held = unrecorded.get(Unrecorded.key(channel, providerMessageId));
        if (held == null) {
            return Optional.empty();
        }
        PendingReceipt receipt = new PendingReceipt(delivery, at, answer, new CompletableFuture<>());
        return held.attach(receipt) ? Optional.of(receipt.recorded()) : Optional.empty();
    }

    /**
     * One answer the sender holds uncommitted (decision 156), with the receipts that came for it meanwhile. The
     * sender records them in the answer's transaction ({@link #recordReceipts}), and then says whether it committed.
     */
    public final class Unrecorded {

        private final Channel channel;
        private final @Nullable String providerMessageId;
        private final String key;
        private final List<PendingReceipt> receipts = new ArrayList<>();
        private boolean closed;
        private boolean withTheAnswer;

        private Unrecorded(Channel channel, @Nullable String providerMessageId) {
            this.channel = channel;
            this.providerMessageId = providerMessageId;
            this.key = providerMessageId == null ? "" : key(channel, providerMessageId);
        }

        private static String key(Channel channel, String providerMessageId) {
            return channel.name() + ' ' + providerMessageId;
        }

        private synchronized boolean attach(PendingReceipt receipt) {
            if (closed) {
                return false;
            }
            receipts.add(receipt);
            return true;
        }

        /** Takes no more receipts: a later one goes to the database, where it waits for this answer's commit. */
        private synchronized List<PendingReceipt> close() {
            if (!closed) {
                closed = true;
                unrecorded.remove(key, this);
            }
            return receipts;
        }

        /**
         * In the transaction that records the answer, before it: the one receipt that came for it, if it leaves the
         * message where it is (delivered, read, or undelivered with no channel left), for the answer's own statements
         * to record (decision 156). Otherwise null, and {@link #recordReceipts} records them after the answer.
         */
        public OutboxOutcomes.@Nullable Receipt receiptWithTheAnswer(List<Channel> fallbacks) {
            List<PendingReceipt> came = close();
            withTheAnswer = came.size() == 1 && !came.getFirst().recorded().isDone()
                    && (came.getFirst().delivery() != Delivery.UNDELIVERED || fallbacks.isEmpty());
            return withTheAnswer ? new OutboxOutcomes.Receipt(came.getFirst().delivery().name(), came.getFirst().at(),
                    came.getFirst().answer()) : null;
        }

        /** In the transaction that records the answer, after it: the receipts that came for it, recorded too. */
        public void recordReceipts() {
            if (withTheAnswer) {
                return;
            }
            for (PendingReceipt receipt : close()) {
                if (receipt.recorded().isDone()) {
                    continue; // failed with an earlier try of this answer's record: the gateway sends it again
                }
                receipt(channel, Objects.requireNonNull(providerMessageId), receipt.delivery(), receipt.at(),
                        receipt.answer());
            }
        }

        /** The answer's transaction committed: its receipts are recorded, and their deliver_sm may be answered. */
        public void committed() {
            close().forEach(receipt -> receipt.recorded().complete(null));
        }

        /** The answer's transaction failed: its receipts are not recorded, and the gateway must send them again. */
        public void failed(Throwable cause) {
            close().forEach(receipt -> receipt.recorded().completeExceptionally(cause));
        }
    }

    private record PendingReceipt(Delivery delivery, Instant at, String answer, CompletableFuture<Void> recorded) {
    }

    /**
     * This node's sender committed answers on this channel: a receipt waiting for one looks in the database again now
     * ({@link #awaitAnswer}). Only a wake-up and a count, so they may stay in this JVM: the database says what was
     * recorded, and a receipt for another node's send looks again after its wait anyway.
     */
    public void answerRecorded(Channel channel) {
        recordings.get(channel).incrementAndGet();
        wake(channel);
    }

    /** How many times this node's sender committed answers on this channel: a receipt looks in the database when it changed. */
    public long recordings(Channel channel) {
        return recordings.get(channel).get();
    }

    private void wake(Channel channel) {
        Object answer = answers.get(channel);
        synchronized (answer) {
            answer.notifyAll();
        }
    }

    /** Waits until this node's sender holds or records an answer on this channel, or at most {@code millis}. */
    public void awaitAnswer(Channel channel, long millis) throws InterruptedException {
        Object answer = answers.get(channel);
        synchronized (answer) {
            answer.wait(millis);
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

package id.dukcapil.portal.notification.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instantOrNull;

import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.MessageKind;
import id.dukcapil.portal.notification.MessageState;
import id.dukcapil.portal.notification.OutboxFilter;
import id.dukcapil.portal.notification.OutboxMessage;
import id.dukcapil.portal.notification.OutgoingMail.Attachment;
import id.dukcapil.portal.shared.jdbc.LikePattern;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The outbox tables. Every change of a claimed message names the claim token, so a sender can only record what
 * it claimed itself, and a message is claimed by one sender only (an UPDATE to SENDING that compares its state).
 * Each change a sender makes is a unit of work of its own: a deadlock or a lost connection is tried again (decision
 * 117), not left to the lease.
 */
@Component
public class OutboxStore {

    /** What a message marked SENT from the sent journal says of its last attempt (decision 184). */
    static final String JOURNAL_ANSWER = "accepted before the portal stopped or was restored (the sent journal)";

    public static final int ANSWER_MAX_LENGTH = 500;

    /** A claimed message with everything needed to send it; {@code body} still has its secrets' markers. */
    public record Claimed(long id, String messageId, String recipient, String templateKey, @Nullable String reference,
                          String subject, String body, Map<String, String> secrets, int attempts,
                          List<Attachment> attachments, Way way) {

        /** An e-mail with no other channel. */
        public Claimed(long id, String messageId, String recipient, String templateKey, @Nullable String reference,
                       String subject, String body, Map<String, String> secrets, int attempts,
                       List<Attachment> attachments) {
            this(id, messageId, recipient, templateKey, reference, subject, body, secrets, attempts, attachments,
                    Way.EMAIL);
        }

        Claimed withAttachments(List<Attachment> attachments) {
            return new Claimed(id, messageId, recipient, templateKey, reference, subject, body, secrets, attempts,
                    attachments, way);
        }
    }

    /**
     * The channel a claimed message is on now, those left after it, the phone, the language and the channel's text
     * (none for e-mail).
     */
    public record Way(Channel channel, List<Channel> fallbacks, @Nullable String phone, String locale,
                      ChannelTexts.@Nullable Text text) {

        static final Way EMAIL = new Way(Channel.EMAIL, List.of(), null, "id", null);

        public String address(Claimed message) {
            return channel == Channel.EMAIL ? message.recipient() : java.util.Objects.requireNonNull(phone);
        }
    }

    /** One of a channel's {@code of} lanes, each drained by a sender thread of its own (decision 152). */
    public record Lane(Channel channel, int index, int of) {
    }

    /** The channels a new message may take, in order, its phone and its texts for the phone channels. */
    public record Route(List<Channel> channels, @Nullable String phone, List<ChannelTexts.Text> texts) {

        static final Route EMAIL = new Route(List.of(Channel.EMAIL), null, List.of());
    }

    /** @param noticeKey what the notice is about: a newer one with the same key replaces it while it waits */
    public record NewMessage(String messageId, String recipient, String templateKey, String locale, String subject,
                             String body, Map<String, String> secrets, @Nullable String reference, Instant createdAt,
                             List<Attachment> attachments, MessageKind kind, @Nullable String noticeKey) {

        public NewMessage(String messageId, String recipient, String templateKey, String locale, String subject,
                          String body, Map<String, String> secrets, @Nullable String reference, Instant createdAt,
                          List<Attachment> attachments, MessageKind kind) {
            this(messageId, recipient, templateKey, locale, subject, body, secrets, reference, createdAt, attachments,
                    kind, null);
        }
    }

    private final JdbcClient jdbc;
    /** For a group's statements sent at once (JdbcClient has no batch). */
    private final JdbcTemplate batch;

    OutboxStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long insert(NewMessage message) {
        return insert(message, Route.EMAIL);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long insert(NewMessage message, Route route) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO notification_message (message_id, recipient, template_key, locale, subject, body,
                    secret_values, reference, state, attempts, created_at, next_attempt_at, channel, fallbacks, phone,
                    kind, notice_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?, ?, ?, ?)""")
                .params(message.messageId(), message.recipient(), message.templateKey(), message.locale(),
                        message.subject(), message.body(), encode(message.secrets()), message.reference(),
                        utc(message.createdAt()), utc(message.createdAt()), route.channels().getFirst().name(),
                        channels(route.channels().subList(1, route.channels().size())), route.phone(),
                        message.kind().name(), message.noticeKey())
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        for (ChannelTexts.Text text : route.texts()) {
            jdbc.sql("INSERT INTO notification_channel_text (message_id, channel, template, text) VALUES (?, ?, ?, ?)")
                    .params(id, text.channel().name(), text.template().isEmpty() ? null : text.template(), text.text())
                    .update();
        }
        int position = 0;
        for (Attachment attachment : message.attachments()) {
            jdbc.sql("""
                    INSERT INTO notification_attachment (message_id, position, file_name, content_type, content, secret)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(id, position++, attachment.fileName(), attachment.contentType(), attachment.content(),
                            attachment.secret())
                    .update();
        }
        return id;
    }

    /**
     * Inserts the message unless one with its Message-ID is queued already; the id of the one that stands either
     * way. Two transactions inserting it at once: the second waits on the unique key and then finds the first's (on
     * one MariaDB), or loses Galera's certification and is tried again whole.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long insertOnce(NewMessage message) {
        return insertOnce(message, Route.EMAIL);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long insertOnce(NewMessage message, Route route) {
        Optional<Long> queued = idOf(message.messageId());
        if (queued.isPresent()) {
            return queued.get();
        }
        try {
            return insert(message, route);
        } catch (DuplicateKeyException queuedMeanwhile) {
            // Caught here, inside this method: thrown through a transactional proxy it would doom the caller's
            // transaction. Only the message's own row was refused; its attachments come after it.
            return idOf(message.messageId()).orElseThrow(() -> queuedMeanwhile);
        }
    }

    /**
     * The older messages of this notice that still wait (queued or between attempts, never handed over) are replaced by
     * the message {@code by}: they are never sent (decision 182). A message being handed over, sent or uncertain stays
     * as it is; so does a newer one (a listener run late, queuing an older notice, replaces nothing newer). Returns
     * how many were replaced.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int replaceWaiting(String noticeKey, long by, String byMessageId, Instant at) {
        return jdbc.sql("""
                UPDATE notification_message SET state = 'REPLACED', next_attempt_at = :at, claim_token = NULL,
                    secret_values = NULL, last_answer = :answer
                WHERE notice_key = :key AND state IN ('PENDING', 'RETRY') AND id < :by""")
                .param("at", utc(at)).param("answer", cut("Replaced by the newer notice " + byMessageId))
                .param("key", noticeKey).param("by", by)
                .update();
    }

    private Optional<Long> idOf(String messageId) {
        return jdbc.sql("SELECT id FROM notification_message WHERE message_id = ?").param(messageId)
                .query(Long.class).optional();
    }

    /**
     * Claims up to {@code limit} due messages for one sender run and commits, so the claim is visible to every
     * other sender before anything is sent. The claim is the UPDATE's compare (still due, not claimed) and its rows
     * are read back by the token: under Galera the row locks of a {@code SELECT ... FOR UPDATE} are one node's own,
     * so two nodes' senders may both select a message, and only one UPDATE of it finds it still due (on one MariaDB
     * the other waits for the row and then finds it claimed; under Galera it loses the certification and is tried
     * again whole, decision 117).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<Claimed> claim(String token, Instant now, int limit) {
        return claim(token, now, limit, null);
    }

    /**
     * As {@link #claim(String, Instant, int)}, only messages of one lane: its channel, and the recipients whose hash
     * falls in it. A recipient is always in the same lane of a channel, so one lane alone sees, and throttles, all
     * of a recipient's messages there: the hash is of what the channel throttles, the phone on WhatsApp and SMS, the
     * address on e-mail (an e-mail that came down from a phone channel still has its phone). Every node must run a
     * channel with the same number of lanes, or two lanes may share a recipient (only its throttle would suffer).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<Claimed> claim(String token, Instant now, int limit, @Nullable Lane lane) {
        String inLane = lane == null ? ""
                : "AND channel = :channel AND MOD(CRC32(CASE WHEN channel = 'EMAIL' THEN recipient "
                        + "ELSE COALESCE(phone, recipient) END), :lanes) = :lane";
        // One state at a time, so each part reads the index (channel, state, next_attempt_at) in order and stops at
        // the batch: `state IN (…)` sorted every due message for each claim, 10,000 of them in a drain (decision 156).
        List<Long> due = jdbc.sql("""
                SELECT id FROM (
                    (SELECT id, next_attempt_at FROM notification_message
                     WHERE state = 'PENDING' AND next_attempt_at <= :now %1$s ORDER BY next_attempt_at, id LIMIT :limit)
                    UNION ALL
                    (SELECT id, next_attempt_at FROM notification_message
                     WHERE state = 'RETRY' AND next_attempt_at <= :now %1$s ORDER BY next_attempt_at, id LIMIT :limit)
                ) due ORDER BY next_attempt_at, id LIMIT :limit""".formatted(inLane))
                .param("now", utc(now)).param("limit", limit)
                .params(lane == null ? Map.of() : Map.of("channel", lane.channel().name(), "lanes", lane.of(),
                        "lane", lane.index()))
                .query(Long.class).list();
        if (due.isEmpty()) {
            return List.of();
        }
        int claimed = jdbc.sql("""
                UPDATE notification_message SET state = 'SENDING', claim_token = :token, claimed_at = :now,
                    handed_over_at = NULL, attempts = attempts + 1
                WHERE id IN (:ids) AND state IN ('PENDING', 'RETRY') AND next_attempt_at <= :now""")
                .param("token", token).param("now", utc(now)).param("ids", due)
                .update();
        if (claimed == 0) {
            return List.of();
        }
        List<Claimed> messages = jdbc.sql("""
                SELECT m.id, m.message_id, m.recipient, m.template_key, m.reference, m.subject, m.body,
                    m.secret_values, m.attempts, m.channel, m.fallbacks, m.phone, m.locale, t.template, t.text
                FROM notification_message m
                LEFT JOIN notification_channel_text t ON t.message_id = m.id AND t.channel = m.channel
                WHERE m.claim_token = :token AND m.id IN (:ids) ORDER BY m.next_attempt_at, m.id""")
                .param("token", token).param("ids", due)
                .query((rs, n) -> {
                    Map<String, String> secrets = decode(rs.getString(8));
                    return new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), secrets, rs.getInt(9), List.of(),
                            way(rs, secrets));
                })
                .list();
        List<Long> ids = messages.stream().map(Claimed::id).toList();
        Map<Long, List<Attachment>> attachments = new HashMap<>();
        jdbc.sql("""
                SELECT message_id, file_name, content_type, content, secret FROM notification_attachment
                WHERE message_id IN (:ids) ORDER BY message_id, position""")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    attachments.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new Attachment(rs.getString(2), rs.getString(3), rs.getBytes(4), rs.getBoolean(5)));
                });
        return messages.stream().map(message -> message.withAttachments(
                attachments.getOrDefault(message.id(), List.of()))).toList();
    }

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

    /** Not now (the recipient's pace): back to the queue until {@code until}; this claim does not count as an attempt. */
    @Transactional
    public void postpone(long id, String token, Instant until) {
        jdbc.sql("""
                UPDATE notification_message SET state = IF(attempts > 1, 'RETRY', 'PENDING'),
                    attempts = attempts - 1, next_attempt_at = ?
                WHERE id = ? AND claim_token = ? AND state = 'SENDING'""")
                .params(utc(until), id, token)
                .update();
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

    /**
     * The way as the channel sends it: a phone text's secret markers (only a phone proof's code has them, decision
     * 182) filled in from the secrets kept apart, as an e-mail's are only in the MIME message handed over.
     */
    private static Way way(ResultSet rs, Map<String, String> secrets) throws SQLException {
        Channel channel = Channel.valueOf(rs.getString("channel"));
        String template = rs.getString("template");
        String text = rs.getString("text");
        return new Way(channel, channels(rs.getString("fallbacks")), rs.getString("phone"), rs.getString("locale"),
                text == null ? null : new ChannelTexts.Text(channel, template == null ? "" : template,
                        secrets.isEmpty() ? text : MailTemplates.reveal(text, secrets)));
    }

    static @Nullable String channels(List<Channel> channels) {
        return channels.isEmpty() ? null : String.join(",", channels.stream().map(Channel::name).toList());
    }

    static List<Channel> channels(@Nullable String text) {
        return text == null || text.isBlank() ? List.of()
                : java.util.Arrays.stream(text.split(",")).map(String::strip).map(Channel::valueOf).toList();
    }

    /** Gives claimed messages back unsent (the run stopped before them): this claim does not count as an attempt. */
    @Transactional
    public void release(List<Long> ids, String token, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE notification_message SET state = IF(attempts > 1, 'RETRY', 'PENDING'),
                    attempts = attempts - 1, next_attempt_at = :at
                WHERE id IN (:ids) AND claim_token = :token AND state = 'SENDING'""")
                .param("at", utc(at)).param("ids", ids).param("token", token)
                .update();
    }

    /**
     * The sender is about to hand these messages over, one after the other (a lane's group, decision 156): from now
     * on, if the sender dies, nobody knows whether they arrived. Committed before the first goes out. Returns those
     * still this sender's claim; one that is not (its run outlived the lease, and another sender put it back in the
     * queue) must not be handed over.
     */
    @Transactional
    public Set<Long> handingOver(List<Long> ids, String token, Instant at) {
        int marked = jdbc.sql("""
                UPDATE notification_message SET handed_over_at = :at
                WHERE id IN (:ids) AND claim_token = :token AND state = 'SENDING'""")
                .param("at", utc(at)).param("ids", ids).param("token", token)
                .update();
        if (marked == ids.size()) {
            return new HashSet<>(ids);
        }
        return new HashSet<>(jdbc.sql("""
                SELECT id FROM notification_message WHERE id IN (:ids) AND claim_token = :token AND state = 'SENDING'""")
                .param("ids", ids).param("token", token).query(Long.class).list());
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

    /**
     * Ends every scheduled job's lock (ShedLock's table, created with the outbox for its sender): only for a node
     * that knows it is the database's only client, at its start.
     */
    public int releaseJobLocks() {
        return jdbc.sql("UPDATE shedlock SET lock_until = CURRENT_TIMESTAMP(3) WHERE lock_until > CURRENT_TIMESTAMP(3)")
                .update();
    }

    /** What {@link #recoverAbandoned} found: messages put back in the queue, and messages now uncertain. */
    public record Abandoned(int requeued, int uncertain) {
    }

    /** A failed or uncertain message becomes due again, with a fresh count of attempts. */
    public boolean requeue(long id, Instant at) {
        return jdbc.sql("""
                UPDATE notification_message SET state = 'PENDING', attempts = 0, next_attempt_at = ?, claim_token = NULL
                WHERE id = ? AND state IN ('FAILED', 'UNCERTAIN')""")
                .params(utc(at), id)
                .update() == 1;
    }

    public List<OutboxMessage> page(OutboxFilter filter, long offset, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, message_id, recipient, template_key, subject, state, attempts, created_at, next_attempt_at,
                    sent_at, last_answer, channel, delivery
                FROM notification_message WHERE 1 = 1""");
        Map<String, Object> params = new HashMap<>();
        if (filter.state() != null) {
            sql.append(" AND state = :state");
            params.put("state", filter.state().name());
        }
        if (StringUtils.hasText(filter.recipient())) {
            sql.append(" AND recipient LIKE :recipient");
            params.put("recipient", LikePattern.startsWith(filter.recipient().strip()));
        }
        sql.append(" ORDER BY id DESC LIMIT :limit OFFSET :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql.toString()).params(params).query(OutboxStore::message).list();
    }

    public java.util.Optional<OutboxMessage> byId(long id) {
        return jdbc.sql("""
                SELECT id, message_id, recipient, template_key, subject, state, attempts, created_at, next_attempt_at,
                    sent_at, last_answer, channel, delivery
                FROM notification_message WHERE id = ?""")
                .param(id).query(OutboxStore::message).optional();
    }

    private static OutboxMessage message(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(rs.getLong("id"), rs.getString("message_id"), rs.getString("recipient"),
                rs.getString("template_key"), rs.getString("subject"), MessageState.valueOf(rs.getString("state")),
                rs.getInt("attempts"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("next_attempt_at")), instantOrNull(rs.getTimestamp("sent_at")),
                rs.getString("last_answer"), Channel.valueOf(rs.getString("channel")), rs.getString("delivery"));
    }

    /** The secret values, one {@code name=base64(value)} a line; null when there are none. */
    static @Nullable String encode(Map<String, String> secrets) {
        if (secrets.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        secrets.forEach((name, value) -> text.append(name).append('=')
                .append(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))).append('\n'));
        return text.toString();
    }

    static Map<String, String> decode(@Nullable String text) {
        Map<String, String> secrets = new LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    secrets.put(line.substring(0, eq),
                            new String(Base64.getDecoder().decode(line.substring(eq + 1)), StandardCharsets.UTF_8));
                }
            }
        }
        return secrets;
    }

    static String cut(String text) {
        return text.length() <= ANSWER_MAX_LENGTH ? text : text.substring(0, ANSWER_MAX_LENGTH - 1) + "…";
    }

    /**
     * One channel's queue for the meters (decision 178): messages still to be handed over (pending, retrying or being
     * sent), the oldest of them, and those left UNCERTAIN.
     */
    public record Backlog(Channel channel, long waiting, @Nullable Instant oldest, long uncertain) {
    }

    /** Each channel's backlog, in one grouped read of the (channel, state, ...) index; channels with none absent. */
    public List<Backlog> backlog() {
        return jdbc.sql("""
                SELECT channel,
                       SUM(state IN ('PENDING', 'RETRY', 'SENDING')) AS waiting,
                       MIN(CASE WHEN state IN ('PENDING', 'RETRY', 'SENDING') THEN created_at END) AS oldest,
                       SUM(state = 'UNCERTAIN') AS uncertain
                FROM notification_message
                WHERE state IN ('PENDING', 'RETRY', 'SENDING', 'UNCERTAIN')
                GROUP BY channel""")
                .query((rs, row) -> new Backlog(Channel.valueOf(rs.getString("channel")), rs.getLong("waiting"),
                        instantOrNull(rs, "oldest"), rs.getLong("uncertain")))
                .list();
    }
}

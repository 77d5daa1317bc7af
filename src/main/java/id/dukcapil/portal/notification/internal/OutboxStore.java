package id.dukcapil.portal.notification.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;
import static id.dukcapil.portal.notification.internal.OutboxColumns.channels;
import static id.dukcapil.portal.notification.internal.OutboxColumns.decode;

import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.OutgoingMail.Attachment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox's claims: a sender takes the due messages of its lane, marks them as being handed over, and gives back
 * those it will not send now. A message is claimed by one sender only (an UPDATE to SENDING that compares its state),
 * and every later change of it names the claim token, so a sender changes only what it claimed itself. Each change is
 * a unit of work of its own: a deadlock or a lost connection is tried again (decision 117), not left to the lease.
 */
@Component
public class OutboxStore {

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

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
}

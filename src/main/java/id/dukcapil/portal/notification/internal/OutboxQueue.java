package id.dukcapil.portal.notification.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;
import static id.dukcapil.portal.notification.internal.OutboxColumns.channels;
import static id.dukcapil.portal.notification.internal.OutboxColumns.cut;
import static id.dukcapil.portal.notification.internal.OutboxColumns.encode;

import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.MessageKind;
import id.dukcapil.portal.notification.OutgoingMail.Attachment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What enters the outbox's queue: a new message (once, by its Message-ID, where asked), a newer notice in place of the
 * older ones still waiting, a failed or uncertain message sent again. Queuing is part of the caller's unit of work.
 */
@Component
public class OutboxQueue {

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

    OutboxQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** A failed or uncertain message becomes due again, with a fresh count of attempts. */
    public boolean requeue(long id, Instant at) {
        return jdbc.sql("""
                UPDATE notification_message SET state = 'PENDING', attempts = 0, next_attempt_at = ?, claim_token = NULL
                WHERE id = ? AND state IN ('FAILED', 'UNCERTAIN')""")
                .params(utc(at), id)
                .update() == 1;
    }
}

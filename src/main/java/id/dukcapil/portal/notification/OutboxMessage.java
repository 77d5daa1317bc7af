package id.dukcapil.portal.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message in the outbox, as ADMIN sees it.
 *
 * @param channel  the channel being tried, and once SENT the one that took it (decision 140)
 * @param delivery what that channel's receipt said after SENT: DELIVERED, READ, UNDELIVERED; null without one
 */
public record OutboxMessage(long id, String messageId, String recipient, String templateKey, String subject,
                            MessageState state, int attempts, Instant createdAt, Instant nextAttemptAt,
                            @Nullable Instant sentAt, @Nullable String lastAnswer, Channel channel,
                            @Nullable String delivery) {
}

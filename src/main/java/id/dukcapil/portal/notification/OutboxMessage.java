package id.dukcapil.portal.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A message in the outbox, as ADMIN sees it. */
public record OutboxMessage(long id, String messageId, String recipient, String templateKey, String subject,
                            MessageState state, int attempts, Instant createdAt, Instant nextAttemptAt,
                            @Nullable Instant sentAt, @Nullable String lastAnswer) {
}

package id.dukcapil.portal.notification;

import org.jspecify.annotations.Nullable;

/**
 * A search of the outbox. Blank parts do not filter.
 *
 * @param recipient the start of the recipient's address
 */
public record OutboxFilter(@Nullable MessageState state, @Nullable String recipient) {

    public static OutboxFilter empty() {
        return new OutboxFilter(null, null);
    }

    public OutboxFilter withState(@Nullable MessageState state) {
        return new OutboxFilter(state, recipient);
    }

    public OutboxFilter withRecipient(@Nullable String recipient) {
        return new OutboxFilter(state, recipient);
    }
}

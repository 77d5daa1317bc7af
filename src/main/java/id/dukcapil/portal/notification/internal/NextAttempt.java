package id.dukcapil.portal.notification.internal;

import id.dukcapil.portal.notification.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What becomes of a message its channel did not take: tried again after a backoff, until its attempts are spent; then,
 * or when the channel refused it for good or passed it over, the next channel takes it (decision 140), or, the last
 * one, it is FAILED.
 */
@Component
class NextAttempt {

    private static final Logger log = LoggerFactory.getLogger(NextAttempt.class);
    /** The longest back-off of a message whose only channel left is away (decision 198). */
    static final Duration WHILE_AWAY = Duration.ofMinutes(1);

    private final OutboxOutcomes outcomes;
    private final NotificationProperties properties;
    private final Clock clock;

    NextAttempt(OutboxOutcomes outcomes, NotificationProperties properties, Clock clock) {
        this.outcomes = outcomes;
        this.properties = properties;
        this.clock = clock;
    }

    /** The channel could not take it now: tried again after a backoff, or, its attempts spent, as refused for good. */
    public void retryOrFail(OutboxStore.Claimed message, String token, String answer) {
        retryOrFail(message, token, answer, false);
    }

    /**
     * As {@link #retryOrFail(OutboxStore.Claimed, String, String)}; but while its provider is away ({@code away}) a
     * message with no channel after this one is never FAILED: it waits, tried at least once a minute, and the others
     * waiting are due at once when one goes through (decision 198). One with a next channel goes on by it once its
     * attempts are spent.
     */
    public void retryOrFail(OutboxStore.Claimed message, String token, String answer, boolean away) {
        Instant now = clock.instant();
        boolean waits = away && message.way().fallbacks().isEmpty();
        if (message.attempts() >= properties.sender().maxAttempts() && !waits) {
            fallBackOrFail(message, token, "FAILED", answer);
        } else {
            Duration backoff = DeliveryFailure.backoffAfter(message.attempts());
            // Waiting for its provider, it is tried at least once a minute: the first that goes through finds the
            // provider back, and the rest are due at once (OutboxOutcomes.dueNow), not an hour's back-off later.
            outcomes.recordRetry(message.id(), token, now.plus(waits && backoff.compareTo(WHILE_AWAY) > 0 ? WHILE_AWAY
                    : backoff), answer);
        }
    }

    /** This channel is done with the message: the next channel takes it, or, the last one, it is FAILED. */
    public void fallBackOrFail(OutboxStore.Claimed message, String token, String outcome, String answer) {
        Instant now = clock.instant();
        OutboxStore.Way way = message.way();
        if (way.fallbacks().isEmpty()) {
            outcomes.recordFailed(message.id(), token, now, way.channel() == Channel.EMAIL ? answer
                    : way.channel() + ": " + answer);
        } else if (outcomes.fallBack(message.id(), token, now, way.channel(), way.fallbacks(), outcome, answer)) {
            log.info("Message {} goes on by {}: {} {}", message.messageId(), way.fallbacks().getFirst(), way.channel(),
                    answer);
        }
    }
}

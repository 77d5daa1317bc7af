package id.dukcapil.portal.notification.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.notification.*}.
 *
 * @param from            the sender address of every message
 * @param messageIdDomain the right-hand side of the Message-IDs the portal gives its messages
 * @param emailThrottle   how many e-mails one address may get within a time; the next waits (decision 152)
 */
@ConfigurationProperties("portal.notification")
public record NotificationProperties(String from, String messageIdDomain, Sender sender,
                                     ChannelPort.Throttle emailThrottle) {

    /**
     * The scheduled sender.
     *
     * @param interval    the pause between two runs
     * @param batchSize   messages claimed at once and sent over one connection
     * @param runBudget   after this a run claims no further batch, so one run stays well inside its lock
     * @param lease       a message still SENDING this long after its claim belongs to a sender that died
     * @param maxAttempts after this many failed attempts a message is FAILED
     */
    public record Sender(Duration interval, int batchSize, Duration runBudget, Duration lease, int maxAttempts) {
    }
}

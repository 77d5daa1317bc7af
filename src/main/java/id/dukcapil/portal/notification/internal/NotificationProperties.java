package id.dukcapil.portal.notification.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.notification.*}.
 *
 * @param from            the sender address of every message
 * @param messageIdDomain the right-hand side of the Message-IDs the portal gives its messages
 * @param emailThrottle   how many e-mails one address may get within a time; the next waits (decision 152)
 * @param emailWindow     how many e-mails the sender hands over at once, each on a lane (and an SMTP connection) of
 *                        its own (decision 152)
 * @param phoneDailyCap   how many messages without a secret one phone gets by WhatsApp and SMS together in a day; the
 *                        rest go on by e-mail, or, with no e-mail, are not sent (decision 182)
 */
@ConfigurationProperties("portal.notification")
public record NotificationProperties(String from, String messageIdDomain, Sender sender,
                                     ChannelPort.Throttle emailThrottle, @DefaultValue("1") int emailWindow,
                                     @DefaultValue("10") int phoneDailyCap) {

    public NotificationProperties {
        if (emailWindow < 1 || emailWindow > 32) {
            throw new IllegalArgumentException("portal.notification.email-window is between 1 and 32, not " + emailWindow);
        }
        if (phoneDailyCap < 1) {
            throw new IllegalArgumentException("portal.notification.phone-daily-cap is at least 1, not " + phoneDailyCap);
        }
    }

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

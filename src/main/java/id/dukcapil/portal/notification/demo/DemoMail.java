package id.dukcapil.portal.notification.demo;

import java.time.Instant;
import java.util.List;

/**
 * A message in the demo mailbox, read back from the MIME message the sender stored.
 *
 * @param attachments file name and content type of each attachment, in the message's order
 */
public record DemoMail(long id, String messageId, String recipient, String subject, Instant deliveredAt, String body,
                       List<DemoAttachment> attachments) {
}

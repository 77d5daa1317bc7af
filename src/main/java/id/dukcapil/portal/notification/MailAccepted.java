package id.dukcapil.portal.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The mail server accepted a message (it answered 250 to its data): from here on the message is the server's
 * responsibility. Published in the transaction that records it SENT, so a module listener hears it once it is.
 *
 * @param templateKey which e-mail it was ({@code kkprint-delivered})
 * @param reference   what it was about, as the sender gave it ({@link OutgoingMail#withReference})
 * @param acceptedAt  when the server answered
 */
public record MailAccepted(MessageRef message, String templateKey, @Nullable String reference, Instant acceptedAt) {
}

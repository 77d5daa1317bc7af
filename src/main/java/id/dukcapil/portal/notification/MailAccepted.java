package id.dukcapil.portal.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A provider accepted a message: the mail server (250 to its data), the WhatsApp Cloud API (a wamid) or the SMS
 * gateway (a message_id), whichever channel took it; from here on the message is the provider's responsibility.
 * Published in the transaction that records it SENT, so a module listener hears it once it is. (The name is from the
 * days of e-mail alone; a message with a secret still only ever goes by e-mail, decision 140.)
 *
 * @param templateKey which e-mail it was ({@code kkprint-delivered})
 * @param reference   what it was about, as the sender gave it ({@link OutgoingMail#withReference})
 * @param acceptedAt  when the server answered
 */
public record MailAccepted(MessageRef message, String templateKey, @Nullable String reference, Instant acceptedAt) {
}

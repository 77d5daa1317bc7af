package id.dukcapil.portal.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The mail server accepted an e-mail (250 to its data): from here on it is the server's responsibility. Published in
 * the transaction that records it SENT, so a module listener hears it once it is. Only for e-mail: a message that
 * went by WhatsApp or SMS is not announced (decision 152; a message with a secret only ever goes by e-mail, decision
 * 140, and the portal's listener waits for such an e-mail).
 *
 * @param templateKey which e-mail it was ({@code kkprint-delivered})
 * @param reference   what it was about, as the sender gave it ({@link OutgoingMail#withReference})
 * @param acceptedAt  when the server answered
 */
public record MailAccepted(MessageRef message, String templateKey, @Nullable String reference, Instant acceptedAt) {
}

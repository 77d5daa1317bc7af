package id.dukcapil.portal.notification;

import id.dukcapil.portal.notification.internal.ChannelTexts;
import id.dukcapil.portal.notification.internal.MailTemplates;
import id.dukcapil.portal.notification.internal.NotificationProperties;
import id.dukcapil.portal.notification.internal.OutboxQueue;
import id.dukcapil.portal.shared.RuleViolation;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts an e-mail into the outbox, in the caller's transaction: the message exists exactly when the action that
 * causes it commits, and is sent shortly after (within seconds) by the outbox sender. In a module's service:
 * <pre>{@code
 * @Transactional
 * public void register(...) {
 *     ... // the action
 *     outbox.enqueue(OutgoingMail.of(account.email(), "otp", account.locale(),
 *             Map.of("name", account.name(), "code", code, "minutes", 10)));
 * }
 * }</pre>
 * A module brings its own templates as {@code mail.<key>.subject} and {@code mail.<key>.body} in its bundles, and
 * for WhatsApp and SMS {@code whatsapp.<key>.*} and {@code sms.<key>.body} ({@link #enqueue(OutgoingMail, Reach)}).
 */
@Service
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final OutboxQueue queue;
    private final MailTemplates templates;
    private final ChannelTexts channelTexts;
    private final NotificationProperties properties;
    private final Clock clock;

    Outbox(OutboxQueue queue, MailTemplates templates, ChannelTexts channelTexts, NotificationProperties properties,
           Clock clock) {
        this.queue = queue;
        this.templates = templates;
        this.channelTexts = channelTexts;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Renders the template now (the stored text is what will be sent) and stores the message with its
     * attachments. Refuses an unusable address ({@code notification.recipient.invalid}) or attachments too large
     * for mail servers ({@code notification.attachments.too-large}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public MessageRef enqueue(OutgoingMail mail) {
        return enqueue(mail, Reach.emailOnly());
    }

    /**
     * As {@link #enqueue(OutgoingMail)}, on the recipient's channels in order: the first that delivers takes it, the
     * outbox says which (decision 140). A channel is left out when the message kind has no text for it, when the
     * message carries a secret and the channel shows previews, or when there is no phone; e-mail is last, unless the
     * reach is {@link Reach#phoneOnly phone only}: then the mail's recipient is the phone, and a message that no phone
     * channel can carry (a secret, no text) is refused ({@code IllegalArgumentException}: a programming error). A
     * {@link MessageKind#PROOF phone proof} is the one secret a phone channel carries, and only by phone (decision
     * 182). A message with a {@link OutgoingMail#noticeKey notice key} replaces the older ones of that key still
     * waiting.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public MessageRef enqueue(OutgoingMail mail, Reach reach) {
        String recipient = reach.byEmail() ? validRecipient(mail.recipient()) : Objects.requireNonNull(reach.phone());
        long size = mail.attachments().stream().mapToLong(attachment -> attachment.content().length).sum();
        if (size > OutgoingMail.ATTACHMENTS_MAX_BYTES) {
            throw new RuleViolation("notification.attachments.too-large", OutgoingMail.ATTACHMENTS_MAX_BYTES / 1024 / 1024);
        }
        // A message with a once-key has its Message-ID made from the key: the column's unique key keeps it one
        // message whichever node or listener run queues it, and a mail client would see a repeat as the same mail.
        String messageId = "<" + (mail.onceKey() == null ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes(mail.onceKey().getBytes(StandardCharsets.UTF_8)))
                + "@" + properties.messageIdDomain() + ">";
        MailTemplates.Rendered text = templates.render(mail.templateKey(), mail.locale(), mail.model());
        OutboxQueue.NewMessage message = new OutboxQueue.NewMessage(messageId, recipient, mail.templateKey(),
                mail.locale().toLanguageTag(), text.subject(), text.body(), text.secrets(), mail.reference(),
                clock.instant(), mail.attachments(), mail.kind(), mail.noticeKey());
        OutboxQueue.Route route = route(mail, reach, text);
        long id = mail.onceKey() == null ? queue.insert(message, route) : queue.insertOnce(message, route);
        if (mail.noticeKey() != null) {
            // After the insert, by id: a notice queued again (its once-key found) replaces only older ones, never itself.
            int replaced = queue.replaceWaiting(mail.noticeKey(), id, messageId, clock.instant());
            if (replaced > 0) {
                log.info("{} waiting message(s) of notice {} replaced by {}", replaced, mail.noticeKey(), messageId);
            }
        }
        return new MessageRef(id, messageId);
    }

    private OutboxQueue.Route route(OutgoingMail mail, Reach reach, MailTemplates.Rendered text) {
        boolean secret = !text.secrets().isEmpty() || mail.attachments().stream().anyMatch(a -> a.secret());
        boolean proof = mail.kind() == MessageKind.PROOF;
        if (proof && (reach.byEmail() || !mail.attachments().isEmpty())) {
            // A code that proves a phone proves nothing if it can arrive anywhere else (decision 182).
            throw new IllegalArgumentException("A phone proof goes to the phone only, without attachments: "
                    + mail.templateKey());
        }
        List<Channel> channels = new ArrayList<>();
        List<ChannelTexts.Text> texts = new ArrayList<>();
        for (Channel channel : reach.channels()) {
            if (channel == Channel.EMAIL) {
                channels.add(channel);
            } else if (reach.phone() != null && (!secret || channel.carriesSecrets() || proof)
                    && !channels.contains(channel)) {
                try {
                    channelTexts.render(channel, mail.templateKey(), mail.locale(), mail.model(), text.secrets().keySet())
                            .ifPresent(rendered -> {
                                channels.add(channel);
                                texts.add(rendered);
                            });
                } catch (IllegalArgumentException unrenderable) {
                    // A template's misconfigured parameter must not fail the caller's work (a booking): the message
                    // goes on by its other channels, e-mail at the last.
                    log.warn("No {} text for {}, that channel is left out: {}", channel, mail.templateKey(),
                            unrenderable.getMessage());
                }
            }
        }
        if (reach.byEmail() && !channels.contains(Channel.EMAIL)) {
            channels.add(Channel.EMAIL); // the address every message has: the last resort
        }
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("No phone channel can carry " + mail.templateKey()
                    + (secret ? ": it has a secret" : ": it has no WhatsApp or SMS text"));
        }
        return new OutboxQueue.Route(List.copyOf(new java.util.LinkedHashSet<>(channels)), reach.phone(), texts);
    }

    private static String validRecipient(String recipient) {
        String address = recipient.strip();
        try {
            if (address.length() > OutgoingMail.RECIPIENT_MAX_LENGTH) {
                throw new AddressException("too long");
            }
            InternetAddress parsed = new InternetAddress(address, true);
            if (parsed.getAddress().indexOf('@') < 1) {
                throw new AddressException("no domain");
            }
            return parsed.getAddress();
        } catch (AddressException e) {
            throw new RuleViolation("notification.recipient.invalid", address);
        }
    }
}

package id.dukcapil.portal.notification.internal;

import id.dukcapil.portal.notification.Channel;
import jakarta.mail.MessagingException;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** E-mail as the outbox always sent it: the MIME message over the configured {@link MailTransport}. */
@Component
class EmailChannel implements ChannelPort {

    private final MailTransport transport;
    private final NotificationProperties properties;
    private final Clock clock;

    EmailChannel(MailTransport transport, NotificationProperties properties, Clock clock) {
        this.transport = transport;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String describe() {
        return transport.describe();
    }

    /** Always: without a mail server messages wait, visible to ADMIN, until one is configured. */
    @Override
    public boolean configured() {
        return true;
    }

    /** A loop that queues mail to one address (a bug, an abused form) floods no mailbox: the rest wait. */
    @Override
    public Throttle throttle() {
        return properties.emailThrottle();
    }

    @Override
    public int window() {
        return properties.emailWindow();
    }

    @Override
    public Session open() throws ChannelFailure {
        MailTransport.Connection connection;
        try {
            connection = transport.connect();
        } catch (MessagingException | RuntimeException e) {
            throw DeliveryFailure.unreachable(e)
                    ? ChannelFailure.away(DeliveryFailure.Verdict.RETRY, DeliveryFailure.answer(e), e)
                    : new ChannelFailure(DeliveryFailure.Verdict.RETRY, DeliveryFailure.answer(e), e);
        }
        return new Session() {
            @Override
            public Accepted send(OutboxStore.Claimed message) throws ChannelFailure {
                try {
                    return new Accepted(connection.deliver(MimeComposer.compose(message, properties.from(),
                            clock.instant())), null);
                } catch (MessagingException | RuntimeException e) {
                    throw DeliveryFailure.unreachable(e)
                            ? ChannelFailure.away(DeliveryFailure.classify(e), DeliveryFailure.answer(e), e)
                            : new ChannelFailure(DeliveryFailure.classify(e), DeliveryFailure.answer(e), e);
                }
            }

            @Override
            public void close() {
                connection.close();
            }
        };
    }
}

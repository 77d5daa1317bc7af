package id.dukcapil.portal.notification.demo;

import id.dukcapil.portal.shared.jdbc.UtcColumns;
import id.dukcapil.portal.notification.internal.MailTransport;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The demo profile's mail server: stores the complete MIME message, exactly what an SMTP server would have
 * received, in {@code notification_demo_mailbox}, where ADMIN's mailbox view reads it.
 */
public class DemoMailboxTransport implements MailTransport {

    private final JdbcClient jdbc;
    private final Clock clock;

    public DemoMailboxTransport(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Connection connect() {
        return new Connection() {
            @Override
            public String deliver(MimeMessage message) throws MessagingException {
                message.saveChanges();
                ByteArrayOutputStream mime = new ByteArrayOutputStream();
                try {
                    message.writeTo(mime);
                } catch (IOException e) {
                    throw new MessagingException("Could not write the message", e);
                }
                GeneratedKeyHolder key = new GeneratedKeyHolder();
                jdbc.sql("""
                        INSERT INTO notification_demo_mailbox (message_id, recipient, subject, delivered_at, mime)
                        VALUES (?, ?, ?, ?, ?)""")
                        .params(message.getMessageID(), message.getAllRecipients()[0].toString(), message.getSubject(),
                                UtcColumns.utc(clock.instant()), mime.toByteArray())
                        .update(key, "id");
                return "250 stored in the demo mailbox as #" + key.getKeyAs(Number.class).longValue();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String describe() {
        return "demo mailbox";
    }

    @Override
    public boolean demoMailbox() {
        return true;
    }
}

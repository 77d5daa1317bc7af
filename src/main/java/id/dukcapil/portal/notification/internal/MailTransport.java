package id.dukcapil.portal.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Where the sender hands messages over: an SMTP server, or the demo mailbox. The sender's code path is the same
 * for both: claim, connect, deliver, record.
 */
public interface MailTransport {

    /** Opens one connection for a batch. A failure here means nothing was handed over. */
    Connection connect() throws MessagingException;

    /** A description for logs and the outbox view ({@code smtp://mail.example:587}, {@code demo mailbox}). */
    String describe();

    /** Whether this is the demo profile's mailbox rather than a real mail server. */
    default boolean demoMailbox() {
        return false;
    }

    interface Connection extends AutoCloseable {

        /** Hands one message over; returns the receiving side's answer ({@code 250 OK ...}). */
        String deliver(MimeMessage message) throws MessagingException;

        @Override
        void close();
    }
}

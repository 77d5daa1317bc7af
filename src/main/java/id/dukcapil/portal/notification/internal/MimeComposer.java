package id.dukcapil.portal.notification.internal;

import id.dukcapil.portal.notification.OutgoingMail.Attachment;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Builds the MIME message of a claimed outbox message. */
final class MimeComposer {

    private static final Session SESSION = Session.getInstance(new Properties());

    private MimeComposer() {
    }

    static MimeMessage compose(OutboxStore.Claimed message, String from, Instant date) throws MessagingException {
        MimeMessage mime = new StableIdMimeMessage(SESSION, message.messageId());
        MimeMessageHelper helper = new MimeMessageHelper(mime, !message.attachments().isEmpty(), "UTF-8");
        helper.setFrom(from);
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        helper.setSentDate(Date.from(date));
        helper.setText(message.body(), false);
        for (Attachment attachment : message.attachments()) {
            helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                    attachment.contentType());
        }
        return mime;
    }

    /**
     * Keeps the outbox's Message-ID on every attempt (Jakarta Mail would make a new one on each save), so a
     * message that is sent again after an uncertain attempt can be recognised as the same by the receiving side.
     */
    private static final class StableIdMimeMessage extends MimeMessage {

        private final String messageId;

        StableIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}

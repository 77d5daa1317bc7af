package id.dukcapil.portal.notification.internal;

import id.dukcapil.portal.notification.OutgoingMail.Attachment;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
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
        helper.setText(MailTemplates.reveal(message.body(), message.secrets()), false);
        for (Attachment attachment : message.attachments()) {
            helper.getRootMimeMultipart().addBodyPart(attachmentPart(attachment));
        }
        return mime;
    }

    /**
     * Always base64: left to itself Jakarta Mail sends a mostly-ASCII file as 7bit text and rewrites its line
     * ends, which changes the bytes of a PDF.
     */
    private static MimeBodyPart attachmentPart(Attachment attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        part.setDisposition(Part.ATTACHMENT);
        try {
            part.setFileName(MimeUtility.encodeText(attachment.fileName(), "UTF-8", null));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("Unsupported encoding", e);
        }
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
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

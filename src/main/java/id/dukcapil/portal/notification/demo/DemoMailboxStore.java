package id.dukcapil.portal.notification.demo;

import id.dukcapil.portal.shared.jdbc.LikePattern;
import id.dukcapil.portal.shared.jdbc.SqlOrder;
import id.dukcapil.portal.shared.jdbc.UtcColumns;
import id.dukcapil.portal.notification.demo.DemoMail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Reads the demo mailbox: each row's MIME message is parsed as a mail client would. */
@Component
public class DemoMailboxStore {

    private static final Session SESSION = Session.getInstance(new Properties());

    private final JdbcClient jdbc;

    DemoMailboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How the mailbox may be sorted (the grid's sort properties), and its own order: the newest first. */
    static final SqlOrder ORDER = new SqlOrder(Map.of("delivered", "id", "recipient", "recipient"), "id DESC");

    public List<DemoMail> page(String recipient, Sort order, long offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, delivered_at, mime FROM notification_demo_mailbox WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (StringUtils.hasText(recipient)) {
            sql.append(" AND recipient LIKE :recipient");
            params.put("recipient", LikePattern.contains(recipient.strip())); // any part: "budi", "@contoh.id"
        }
        sql.append(' ').append(ORDER.of(order)).append(" LIMIT :limit OFFSET :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> read(rs.getLong(1), UtcColumns.instant(rs.getTimestamp(2)), rs.getBytes(3)))
                .list();
    }

    /** The message's attachment at {@code index}, decoded; empty if there is no such message or attachment. */
    public Optional<DemoAttachmentContent> attachment(long id, int index) {
        return jdbc.sql("SELECT mime FROM notification_demo_mailbox WHERE id = ?").param(id)
                .query((rs, n) -> rs.getBytes(1)).optional()
                .flatMap(mime -> attachmentOf(id, mime, index));
    }

    private static Optional<DemoAttachmentContent> attachmentOf(long id, byte[] mime, int index) {
        try {
            List<Part> parts = new ArrayList<>();
            collect(new MimeMessage(SESSION, new ByteArrayInputStream(mime)), new StringBuilder(), parts);
            if (index < 0 || index >= parts.size()) {
                return Optional.empty();
            }
            Part part = parts.get(index);
            return Optional.of(new DemoAttachmentContent(attachment(index, part), part.getInputStream()));
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable message in the demo mailbox: #" + id, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DemoMail read(long id, java.time.Instant deliveredAt, byte[] mime) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(mime));
            StringBuilder body = new StringBuilder();
            List<Part> parts = new ArrayList<>();
            collect(message, body, parts);
            List<DemoAttachment> attachments = new ArrayList<>();
            for (int index = 0; index < parts.size(); index++) {
                attachments.add(attachment(index, parts.get(index)));
            }
            return new DemoMail(id, message.getMessageID(), message.getAllRecipients()[0].toString(),
                    message.getSubject(), deliveredAt, body.toString(), attachments);
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable message in the demo mailbox: #" + id, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DemoAttachment attachment(int index, Part part) throws MessagingException {
        String name = part.getFileName();
        return new DemoAttachment(index, name == null || name.isBlank() ? "lampiran-" + (index + 1) : name,
                part.getContentType().split(";")[0].strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static void collect(Part part, StringBuilder body, List<Part> attachments)
            throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
            attachments.add(part);
        } else if (part.isMimeType("text/plain")) {
            body.append(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, body, attachments);
            }
        }
    }
}

package id.dukcapil.portal.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message a module wants sent: its e-mail form always, and with a {@link Reach} its WhatsApp and SMS forms
 * ({@link Outbox#enqueue(OutgoingMail, Reach)}; by phone only, the recipient is the phone). The text comes from a template: the keys {@code mail.<templateKey>.subject} and
 * {@code mail.<templateKey>.body} in any i18n bundle, with {@code {name}} placeholders filled from the model.
 * {@code mail.<templateKey>.secret} lists the placeholders that are secrets (an OTP, a PIN): they may not appear in
 * the subject, and the outbox erases them once the mail server has accepted the message (decision 076).
 *
 * @param recipient   one e-mail address
 * @param templateKey e.g. {@code otp}
 * @param locale      the recipient's language (Indonesian or English)
 * @param reference   what the message is about (a request's tracking number), told back in {@link MailAccepted} if
 *                    it goes by e-mail
 * @param onceKey     names what the message is for (a booking's ticket for its day): queued again with the same key,
 *                    the message already queued stands, and no second one is made (a listener run twice)
 * @param kind        what the message is for ({@link MessageKind#SERVICE} unless said)
 * @param noticeKey   names what the notice is about (a booking's ticket): a message with the same key still waiting
 *                    in the outbox is replaced by this one, so the recipient gets the latest notice only (decision 182)
 */
public record OutgoingMail(String recipient, String templateKey, Locale locale, Map<String, ?> model,
                           List<Attachment> attachments, @Nullable String reference, @Nullable String onceKey,
                           MessageKind kind, @Nullable String noticeKey) {

    public static final int REFERENCE_MAX_LENGTH = 60;
    public static final int NOTICE_KEY_MAX_LENGTH = 120;

    public static final int RECIPIENT_MAX_LENGTH = 254;
    /** Mail servers commonly refuse messages above 10–25 MB; base64 makes attachments a third larger. */
    public static final int ATTACHMENTS_MAX_BYTES = 7 * 1024 * 1024;

    public OutgoingMail {
        model = Map.copyOf(model);
        attachments = List.copyOf(attachments);
        if (reference != null && reference.length() > REFERENCE_MAX_LENGTH) {
            throw new IllegalArgumentException("A reference has at most " + REFERENCE_MAX_LENGTH + " characters");
        }
        if (noticeKey != null && noticeKey.length() > NOTICE_KEY_MAX_LENGTH) {
            throw new IllegalArgumentException("A notice key has at most " + NOTICE_KEY_MAX_LENGTH + " characters");
        }
    }

    public static OutgoingMail of(String recipient, String templateKey, Locale locale, Map<String, ?> model) {
        return new OutgoingMail(recipient, templateKey, locale, model, List.of(), null, null, MessageKind.SERVICE,
                null);
    }

    public OutgoingMail withAttachment(String fileName, String contentType, byte[] content) {
        return with(new Attachment(fileName, contentType, content, false));
    }

    /** A file that is itself a secret (a QR code that releases a document): erased once the message is accepted. */
    public OutgoingMail withSecretAttachment(String fileName, String contentType, byte[] content) {
        return with(new Attachment(fileName, contentType, content, true));
    }

    public OutgoingMail withReference(String reference) {
        return new OutgoingMail(recipient, templateKey, locale, model, attachments, reference, onceKey, kind, noticeKey);
    }

    /** Queued once for this key, however often it is queued (see {@code onceKey}). */
    public OutgoingMail withOnceKey(String onceKey) {
        return new OutgoingMail(recipient, templateKey, locale, model, attachments, reference, onceKey, kind, noticeKey);
    }

    /** A reminder or a turn notice rather than the answer to an action (see {@link MessageKind}). */
    public OutgoingMail withKind(MessageKind kind) {
        return new OutgoingMail(recipient, templateKey, locale, model, attachments, reference, onceKey, kind, noticeKey);
    }

    /**
     * A notice that stands for the older ones of the same key: one still waiting in the outbox (not yet handed to any
     * channel) is replaced by this one, never sent (see {@code noticeKey}).
     */
    public OutgoingMail withNoticeKey(String noticeKey) {
        return new OutgoingMail(recipient, templateKey, locale, model, attachments, reference, onceKey, kind, noticeKey);
    }

    private OutgoingMail with(Attachment attachment) {
        List<Attachment> more = new java.util.ArrayList<>(attachments);
        more.add(attachment);
        return new OutgoingMail(recipient, templateKey, locale, model, more, reference, onceKey, kind, noticeKey);
    }

    /** A file sent with the message: a PDF ticket, a PNG QR code. */
    public record Attachment(String fileName, String contentType, byte[] content, boolean secret) {

        public static final String PDF = "application/pdf";
        public static final String PNG = "image/png";
        public static final int FILE_NAME_MAX_LENGTH = 120;

        public Attachment {
            content = content.clone();
        }

        public Attachment(String fileName, String contentType, byte[] content) {
            this(fileName, contentType, content, false);
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Attachment that && fileName.equals(that.fileName)
                    && contentType.equals(that.contentType) && Arrays.equals(content, that.content)
                    && secret == that.secret;
        }

        @Override
        public int hashCode() {
            return Objects.hash(fileName, contentType, Arrays.hashCode(content), secret);
        }

        @Override
        public String toString() {
            return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes"
                    + (secret ? ", secret" : "") + "]";
        }
    }
}

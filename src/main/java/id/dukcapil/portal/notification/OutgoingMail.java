package id.dukcapil.portal.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An e-mail a module wants sent. The text comes from a template: the keys {@code mail.<templateKey>.subject} and
 * {@code mail.<templateKey>.body} in any i18n bundle, with {@code {name}} placeholders filled from the model.
 *
 * @param recipient   one e-mail address
 * @param templateKey e.g. {@code otp}
 * @param locale      the recipient's language (Indonesian or English)
 */
public record OutgoingMail(String recipient, String templateKey, Locale locale, Map<String, ?> model,
                           List<Attachment> attachments) {

    public static final int RECIPIENT_MAX_LENGTH = 254;
    /** Mail servers commonly refuse messages above 10–25 MB; base64 makes attachments a third larger. */
    public static final int ATTACHMENTS_MAX_BYTES = 7 * 1024 * 1024;

    public OutgoingMail {
        model = Map.copyOf(model);
        attachments = List.copyOf(attachments);
    }

    public static OutgoingMail of(String recipient, String templateKey, Locale locale, Map<String, ?> model) {
        return new OutgoingMail(recipient, templateKey, locale, model, List.of());
    }

    public OutgoingMail withAttachment(String fileName, String contentType, byte[] content) {
        List<Attachment> more = new java.util.ArrayList<>(attachments);
        more.add(new Attachment(fileName, contentType, content));
        return new OutgoingMail(recipient, templateKey, locale, model, more);
    }

    /** A file sent with the message: a PDF ticket, a PNG QR code. */
    public record Attachment(String fileName, String contentType, byte[] content) {

        public static final String PDF = "application/pdf";
        public static final String PNG = "image/png";
        public static final int FILE_NAME_MAX_LENGTH = 120;

        public Attachment {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Attachment that && fileName.equals(that.fileName)
                    && contentType.equals(that.contentType) && Arrays.equals(content, that.content);
        }

        @Override
        public int hashCode() {
            return Objects.hash(fileName, contentType, Arrays.hashCode(content));
        }

        @Override
        public String toString() {
            return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
        }
    }
}

package id.dukcapil.portal.notification;

import java.util.List;

/** How a message reaches its recipient (decision 140). */
public enum Channel {
    /** The recipient's mail server over SMTP; the only channel that carries attachments and secrets. */
    EMAIL,
    /** An approved template through the WhatsApp Business Cloud API. */
    WHATSAPP,
    /** A text through the operator's SMS gateway (SMPP). */
    SMS;

    /** The channel's own name, as people write it (the log's details are read by people). */
    public String displayName() {
        return switch (this) {
            case EMAIL -> "e-mail";
            case WHATSAPP -> "WhatsApp";
            case SMS -> "SMS";
        };
    }

    /**
     * Whether a secret (an OTP, a PIN, a QR code) may travel here. WhatsApp and SMS put the text on a locked
     * phone's screen, where whoever holds the phone reads it: a message with a secret goes by e-mail only.
     */
    public boolean carriesSecrets() {
        return this == EMAIL;
    }

    /** The chosen channel first, then its fallbacks: WhatsApp falls back to SMS (the same phone), all to e-mail. */
    public List<Channel> withFallbacks() {
        return switch (this) {
            case EMAIL -> List.of(EMAIL);
            case WHATSAPP -> List.of(WHATSAPP, SMS, EMAIL);
            case SMS -> List.of(SMS, EMAIL);
        };
    }
}

package id.dukcapil.portal.kkprint;

import org.jspecify.annotations.Nullable;

/**
 * A request as the IKD app sends it, still unchecked.
 *
 * @param email   the IKD account's address; when absent, the registry's address of the requester
 * @param phone   the IKD account's mobile number (SOP E collects it), optional
 * @param channel where the requester wants the request's news: {@code EMAIL} (the default), {@code WHATSAPP} or
 *                {@code SMS}; the QR code and PIN go by e-mail whatever it is (decision 153)
 */
public record IntakeForm(String requesterNik, String kkNumber, String reason, @Nullable String description,
                         @Nullable String email, @Nullable String phone, @Nullable String channel) {

    public static final int DESCRIPTION_MAX_LENGTH = 500;
    public static final int CHANNEL_MAX_LENGTH = 10;

    /** A request whose news goes by e-mail. */
    public IntakeForm(String requesterNik, String kkNumber, String reason, @Nullable String description,
                      @Nullable String email) {
        this(requesterNik, kkNumber, reason, description, email, null, null);
    }
}

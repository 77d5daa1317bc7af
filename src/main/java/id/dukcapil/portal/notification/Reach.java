package id.dukcapil.portal.notification;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The channels a message may take to its recipient, in order (the first that delivers wins), and the phone for
 * WhatsApp and SMS. The e-mail address is the message's recipient; a message without {@link Channel#EMAIL} among its
 * channels has none (a resident who gave the desk a phone only), and its recipient is the phone.
 *
 * @param channels in the order they are tried; not empty
 * @param phone    an Indonesian mobile number as +62…, or null: then WhatsApp and SMS are passed over
 */
public record Reach(List<Channel> channels, @Nullable String phone) {

    /** E.164 as the BDS account stores it: +62 and 8 to 12 more digits. */
    private static final Pattern PHONE = Pattern.compile("\\+62[0-9]{8,12}");
    public static final int PHONE_MAX_LENGTH = 20;

    public Reach {
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("A message needs at least one channel");
        }
        if (phone != null && !isPhone(phone)) {
            throw new IllegalArgumentException("Not a +62 phone number"); // the number itself stays out of logs
        }
        if (phone == null && !channels.contains(Channel.EMAIL)) {
            throw new IllegalArgumentException("A message by phone only needs a phone");
        }
    }

    /** E-mail only: what {@link Outbox#enqueue(OutgoingMail)} means. */
    public static Reach emailOnly() {
        return new Reach(List.of(Channel.EMAIL), null);
    }

    /** The citizen's chosen channel and its fallbacks ({@link Channel#withFallbacks()}). */
    public static Reach chosen(Channel channel, @Nullable String phone) {
        return new Reach(channel.withFallbacks(), isPhone(phone) ? phone : null);
    }

    /**
     * The chosen phone channel and its phone fallbacks, never e-mail: for a resident who has no address, or a notice
     * whose e-mail would repeat one already sent ("your PIN is in your e-mail").
     */
    public static Reach phoneOnly(Channel channel, String phone) {
        if (channel == Channel.EMAIL) {
            throw new IllegalArgumentException("E-mail is not a phone channel");
        }
        return new Reach(channel.withFallbacks().stream().filter(c -> c != Channel.EMAIL).toList(), phone);
    }

    /** Whether e-mail is among the channels: the message then has an address and ends there. */
    public boolean byEmail() {
        return channels.contains(Channel.EMAIL);
    }

    /** Whether this is an Indonesian number as the channels take it: +62 and 8 to 12 more digits. */
    public static boolean isPhone(@Nullable String phone) {
        return phone != null && PHONE.matcher(phone).matches();
    }
}

package id.dukcapil.portal.notification.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * What the channels to a citizen's phone (WhatsApp, SMS) share: their settings are read the same way (on or off, a
 * pace to one phone, the lanes, a lane's group), and both providers take the number in international form. An
 * adapter adds its protocol: how it opens a session and hands one message over.
 */
public abstract class PhoneChannel implements ChannelPort {

    /** A phone channel's settings, as its properties record holds them. */
    public interface Settings {

        /** Whether this office configured the channel. */
        boolean configured();

        /** The least time between two messages to one phone. */
        Duration pace();

        /** How many messages may await the provider's answer at once: the sender's lanes. */
        int window();

        /** How many messages a lane hands over in one commit. */
        int handOverGroup();
    }

    private final Settings settings;

    protected PhoneChannel(Settings settings) {
        this.settings = settings;
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public Throttle throttle() {
        return Throttle.pace(settings.pace());
    }

    @Override
    public int window() {
        return settings.window();
    }

    @Override
    public int handOverGroup() {
        return settings.handOverGroup();
    }

    /** The recipient's number without its plus ({@code +62…} → {@code 62…}): international, as the providers take it. */
    protected static String internationalNumber(OutboxStore.Claimed message) {
        return Objects.requireNonNull(message.way().phone()).substring(1);
    }
}

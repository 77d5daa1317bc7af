package id.dukcapil.portal.notification.internal;

import id.dukcapil.portal.notification.Channel;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Where the outbox sender hands a message over on one channel (decision 140): the mail server, the WhatsApp Cloud
 * API, the SMS gateway. The sender's path is the same for every channel: claim, check, open, hand over, record the
 * answer at once. An adapter only talks its protocol and says what a failure means ({@link ChannelFailure}).
 */
public interface ChannelPort {

    Channel channel();

    /** For logs and the outbox view: {@code smtp://mail.example:587}, {@code https://graph.facebook.com/v23.0}. */
    String describe();

    /** Whether this office configured it; a channel that is not is passed over, never tried. */
    boolean configured();

    /** How many messages one recipient may get here within a time; the next one waits its turn, never dropped. */
    default Throttle throttle() {
        return Throttle.NONE;
    }

    /**
     * How many messages may be in the provider's hands at once: the sender runs as many lanes on this channel, each
     * sending one message at a time (decision 152). Each lane's group handed over ({@link #handOverGroup}) is what a
     * killed sender may leave uncertain.
     */
    default int window() {
        return 1;
    }

    /**
     * How many messages a lane hands over in one commit, sent one after the other (decision 156): the commit that
     * marks them handed over also records the answers to the group before. A killed sender may leave a lane's whole
     * group uncertain, those of it never sent included, so 1 (a commit a message) unless the channel's drain needs it.
     */
    default int handOverGroup() {
        return 1;
    }

    /** Opens one session for a batch. A failure here means nothing was handed over. */
    Session open() throws ChannelFailure;

    interface Session extends AutoCloseable {

        /** Hands one message over; the provider's answer, and its id for the message if it gives one. */
        Accepted send(OutboxStore.Claimed message) throws ChannelFailure;

        @Override
        void close();
    }

    /**
     * At most {@code messages} to one recipient within {@code within}: the next waits until the oldest of them is
     * that old. A phone channel's pace is one message within the pace.
     */
    record Throttle(int messages, Duration within) {

        public static final Throttle NONE = new Throttle(Integer.MAX_VALUE, Duration.ZERO);

        public Throttle {
            if (messages < 1 || within.isNegative()) {
                throw new IllegalArgumentException("A throttle lets at least one message through in a time >= 0");
            }
        }

        public static Throttle pace(Duration pace) {
            return new Throttle(1, pace);
        }

        boolean limits() {
            return within.isPositive() && messages < Integer.MAX_VALUE;
        }
    }

    /** The provider accepted the message: its words, and the id its receipts will name. */
    record Accepted(String answer, @Nullable String providerMessageId) {
    }

    /**
     * A hand-over that failed, and what that means for the message ({@link DeliveryFailure.Verdict}); and whether it
     * means the provider is away (no connection, a reset, a time-out, a 5xx: decision 198) rather than there and
     * refusing this one message.
     */
    final class ChannelFailure extends Exception {

        private final DeliveryFailure.Verdict verdict;
        private final boolean away;

        public ChannelFailure(DeliveryFailure.Verdict verdict, String answer) {
            super(answer);
            this.verdict = verdict;
            this.away = false;
        }

        public ChannelFailure(DeliveryFailure.Verdict verdict, String answer, Throwable cause) {
            this(verdict, answer, cause, false);
        }

        private ChannelFailure(DeliveryFailure.Verdict verdict, String answer, @Nullable Throwable cause,
                               boolean away) {
            super(answer, cause);
            this.verdict = verdict;
            this.away = away;
        }

        /** The provider could not be reached, or stopped answering: the system is away, not this message refused. */
        public static ChannelFailure away(DeliveryFailure.Verdict verdict, String answer, @Nullable Throwable cause) {
            return new ChannelFailure(verdict, answer, cause, true);
        }

        public DeliveryFailure.Verdict verdict() {
            return verdict;
        }

        public boolean away() {
            return away;
        }

        public String answer() {
            return String.valueOf(getMessage());
        }
    }
}

package id.dukcapil.portal.notification.internal;

import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.shared.throttle.Limit;
import id.dukcapil.portal.shared.throttle.Throttle;
import id.dukcapil.portal.shared.throttle.Throttles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which of a channel's claimed messages may go now: the office's configuration, the recipient's opt-out and pace, and
 * a phone's daily cap of messages without a secret by WhatsApp and SMS together, counted once for the cluster; the
 * rest wait or go on by their next channel (decision 182).
 */
@Component
class ChannelGate {

    private static final Logger log = LoggerFactory.getLogger(ChannelGate.class);

    private final OutboxStore store;
    private final ChannelStore channels;
    private final NextAttempt attempts;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /**
     * Messages without a secret one phone got by WhatsApp and SMS together, at most the cap in any day (decision 182):
     * in the database, one count for every node, since each costs the office money and a stranger's action may cause it.
     */
    private final Throttle phoneDay;

    ChannelGate(OutboxStore store, ChannelStore channels, NextAttempt attempts, NotificationProperties properties,
                TransactionTemplate transactions, Clock clock, Throttles throttles) {
        this.store = store;
        this.channels = channels;
        this.attempts = attempts;
        this.transactions = transactions;
        this.clock = clock;
        this.phoneDay = throttles.of("notification.phone.day", Limit.of(properties.phoneDailyCap(), Duration.ofDays(1)));
    }

    /**
     * The messages that may go on their channel now. A channel the office has not configured, a phone that opted
     * out or a message without this channel's text passes it to the next channel without an attempt; a recipient
     * who had the channel's throttle's worth of messages moments ago waits for the oldest to age (never dropped).
     * One query each for the whole batch: its recipients' opt-outs and recent messages. Last, a message without a
     * secret on a phone channel takes its place in the phone's day (one transaction for the batch); a phone that had
     * the day's cap passes it on like an opt-out (decision 182).
     */
    public Ready ready(ChannelPort port, List<OutboxStore.Claimed> claimed, String token) {
        Channel channel = port.channel();
        Instant now = clock.instant();
        ChannelPort.Throttle throttle = port.throttle();
        Set<String> recipients = new HashSet<>();
        claimed.forEach(message -> {
            String recipient = recipient(message);
            if (recipient != null) {
                recipients.add(recipient);
            }
        });
        Set<String> optedOut = port.configured() && channel != Channel.EMAIL ? channels.optedOut(channel, recipients)
                : Set.of();
        Map<String, List<Instant>> recent = port.configured() && throttle.limits()
                ? new HashMap<>(channels.sentSince(channel, recipients, now.minus(throttle.within()))) : Map.of();
        List<OutboxStore.Claimed> ready = new ArrayList<>();
        for (OutboxStore.Claimed message : claimed) {
            String recipient = recipient(message);
            String passedOver = null;
            if (!port.configured()) {
                passedOver = "not configured for this office";
            } else if (channel != Channel.EMAIL && (recipient == null || message.way().text() == null)) {
                passedOver = "no phone or no text for this channel";
            } else if (recipient != null && optedOut.contains(recipient)) {
                passedOver = "the recipient opted out";
            } else if (recipient != null && throttle.limits()) {
                // Newest first; a message of this batch counts as sent now (it goes before this one).
                List<Instant> sent = recent.computeIfAbsent(recipient, r -> new ArrayList<>());
                if (sent.size() >= throttle.messages()) {
                    store.postpone(message.id(), token, sent.get(throttle.messages() - 1).plus(throttle.within()));
                    continue;
                }
                sent.addFirst(now);
            }
            if (passedOver != null) {
                attempts.fallBackOrFail(message, token, "SKIPPED", passedOver);
            } else {
                ready.add(message);
            }
        }
        return capped(channel, ready, token);
    }

    /**
     * The messages of the day's cap: each phone message without a secret (a phone proof's code is the only one with a
     * secret, and has limits of its own) takes a place in its phone's day, all in one transaction; one whose phone has
     * none left goes on by the next channel.
     */
    private Ready capped(Channel channel, List<OutboxStore.Claimed> ready, String token) {
        if (channel == Channel.EMAIL) {
            return new Ready(ready, Map.of());
        }
        List<OutboxStore.Claimed> counted = ready.stream().filter(message -> message.secrets().isEmpty()).toList();
        if (counted.isEmpty()) {
            return new Ready(ready, Map.of());
        }
        Map<Long, String> taken = Objects.requireNonNull(transactions.execute(status -> {
            Map<Long, String> places = new HashMap<>();
            for (OutboxStore.Claimed message : counted) {
                String phone = Objects.requireNonNull(message.way().phone());
                if (phoneDay.tryTake(phone)) {
                    places.put(message.id(), phone);
                }
            }
            return places;
        }));
        List<OutboxStore.Claimed> going = new ArrayList<>();
        for (OutboxStore.Claimed message : ready) {
            if (message.secrets().isEmpty() && !taken.containsKey(message.id())) {
                attempts.fallBackOrFail(message, token, "SKIPPED", "the phone had its " + phoneDay.limit().events()
                        + " messages of the day (decision 182)");
            } else {
                going.add(message);
            }
        }
        return new Ready(going, taken);
    }

    /** The messages that go now, and the phones whose day's place each took (given back if it is not sent after all). */
    final class Ready {

        private final List<OutboxStore.Claimed> messages;
        private final Map<Long, String> places;

        Ready(List<OutboxStore.Claimed> messages, Map<Long, String> places) {
            this.messages = messages;
            this.places = new HashMap<>(places);
        }

        List<OutboxStore.Claimed> messages() {
            return messages;
        }

        /** These were not accepted (refused, queued again, never handed over): their places in the day go back. */
        void notSent(List<OutboxStore.Claimed> unsent) {
            for (OutboxStore.Claimed message : unsent) {
                String phone = places.remove(message.id());
                if (phone != null) {
                    try {
                        phoneDay.giveBack(phone);
                    } catch (RuntimeException databaseFailed) {
                        // The place stays taken: the phone may get one message fewer today, never one more.
                        log.warn("A phone's place in the day could not be given back: {}", databaseFailed.toString());
                    }
                }
            }
        }
    }

    private static @Nullable String recipient(OutboxStore.Claimed message) {
        return message.way().channel() == Channel.EMAIL ? message.recipient() : message.way().phone();
    }
}

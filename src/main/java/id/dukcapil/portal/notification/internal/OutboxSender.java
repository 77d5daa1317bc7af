package id.dukcapil.portal.notification.internal;

import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.MailAccepted;
import id.dukcapil.portal.notification.MessageRef;
import id.dukcapil.portal.notification.OutgoingMail;
import id.dukcapil.portal.shared.backup.SentJournal;
import id.dukcapil.portal.shared.throttle.Limit;
import id.dukcapil.portal.shared.throttle.Throttle;
import id.dukcapil.portal.shared.throttle.Throttles;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due messages: claim a batch (committed as SENDING before anything goes out), open each channel's port
 * once, hand each message over, record each answer with the next hand-over; a channel that fails a message passes it
 * to the next (decision 140). Each channel drains in lanes of its own, at once (decision 152). A message whose sender died between handing it over and recording
 * the answer stays SENDING; the next run, past the lease, marks it UNCERTAIN and does not send it again
 * (at most once: docs/decisions/020-outbox-delivery-guarantee.md). A message the dead sender had claimed but not
 * yet begun to hand over goes back to the queue (decision 078). A phone gets at most the daily cap of messages without
 * a secret by WhatsApp and SMS together, counted once for the cluster; the rest go on by their next channel (decision
 * 182).
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    static final String ABANDONED = "The sender stopped while handing this message over; it may or may not have "
            + "arrived. Not sent again automatically.";
    /** How soon a lane with nothing due looks again while another lane of its run is busy. */
    private static final long IDLE_LANE_LOOKS_AGAIN_MILLIS = 200;
    /** A run's lanes: a few platform threads for the run's length (each holds a connection only while it commits). */
    private static final ThreadFactory LANE_THREADS = Thread.ofPlatform().name("outbox-lane-", 0).daemon().factory();

    private final OutboxStore store;
    private final ChannelStore channels;
    private final Map<Channel, ChannelPort> ports = new EnumMap<>(Channel.class);
    private final NotificationProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /**
     * Messages without a secret one phone got by WhatsApp and SMS together, at most the cap in any day (decision 182):
     * in the database, one count for every node, since each costs the office money and a stranger's action may cause it.
     */
    private final Throttle phoneDay;
    /**
     * Each run on this node, failed ones too: an operator sees the sender alive and how long its runs take, and a
     * test waits for runs to have happened instead of sleeping (issue 50).
     */
    private final Timer runs;
    private final SentJournal journal;
    /** The sent journal is read once per start, before the first message goes out (decision 184). */
    private volatile boolean journalReplayed;

    OutboxSender(OutboxStore store, ChannelStore channels, List<ChannelPort> ports, NotificationProperties properties,
                 TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock, Throttles throttles,
                 MeterRegistry meters, SentJournal journal) {
        this.runs = Timer.builder("portal.outbox.sender.runs").description("Runs of the outbox sender on this node")
                .register(meters);
        this.phoneDay = throttles.of("notification.phone.day", Limit.of(properties.phoneDailyCap(), Duration.ofDays(1)));
        this.journal = journal;
        this.store = store;
        this.channels = channels;
        ports.forEach(port -> this.ports.put(port.channel(), port));
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.ports.values().forEach(port -> log.info("The outbox's {} channel: {}", port.channel(),
                port.configured() ? port.describe() : "not configured, passed over"));
    }

    /**
     * Once per interval in the whole cluster (ShedLock, held at least the interval: a node whose schedule fires a
     * moment after another's finds it taken); the claim keeps two runs apart even without the lock. So the lock lasts
     * at most as long as a claim's lease: a node killed in a run holds up the others' mail 90 s, not 10 minutes.
     */
    @Scheduled(fixedDelayString = "${portal.notification.sender.interval}",
            initialDelayString = "${portal.notification.sender.interval}")
    @SchedulerLock(name = "notification-outbox-sender", lockAtMostFor = "PT90S",
            lockAtLeastFor = "${portal.notification.sender.interval}")
    void scheduledRun() {
        deliverDue();
    }

    /**
     * One run: every message due now, batch by batch, within the run's budget, each channel's lanes at once (decision
     * 152: WhatsApp, SMS and e-mail are independent peers, and a channel with a window has as many lanes). Returns how
     * many were sent.
     */
    public int deliverDue() {
        Integer sent = runs.record(this::deliverDueNow);
        return sent == null ? 0 : sent;
    }

    private int deliverDueNow() {
        replayJournalOnce();
        NotificationProperties.Sender settings = properties.sender();
        recoverAbandoned(clock.instant().minus(settings.lease()));
        long stopClaimingAt = System.nanoTime() + settings.runBudget().toNanos();
        List<OutboxStore.Lane> lanes = new ArrayList<>();
        ports.values().forEach(port -> {
            int window = port.configured() ? port.window() : 1;
            IntStream.range(0, window).forEach(index -> lanes.add(new OutboxStore.Lane(port.channel(), index, window)));
        });
        AtomicInteger busyLanes = new AtomicInteger(lanes.size());
        try (ExecutorService laneThreads = Executors.newThreadPerTaskExecutor(LANE_THREADS)) {
            List<Future<Integer>> running = lanes.stream()
                    .map(lane -> laneThreads.submit(() -> drain(lane, stopClaimingAt, busyLanes))).toList();
            int sent = 0;
            RuntimeException failed = null;
            for (Future<Integer> lane : running) {
                try {
                    sent += lane.get();
                } catch (ExecutionException e) {
                    // The other lanes finish their batches; the run then fails as a one-lane run would have.
                    failed = e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return sent;
                }
            }
            if (failed != null) {
                throw failed;
            }
            return sent;
        }
    }

    /**
     * One lane until the run's budget is spent, the database failed, or neither it nor any other lane of the run has
     * anything due. A lane with nothing due looks again shortly while another lane is still busy: the
     * run ends only with its slowest lane, and messages queued meanwhile on an idle lane's channel must not wait
     * for that (an SMS queued a moment after a run began waited a whole WhatsApp drain).
     */
    private int drain(OutboxStore.Lane lane, long stopClaimingAt, AtomicInteger busyLanes) {
        int batchSize = properties.sender().batchSize();
        int sent = 0;
        boolean busy = true;
        try {
            while (true) {
                String token = UUID.randomUUID().toString();
                List<OutboxStore.Claimed> batch = store.claim(token, clock.instant(), batchSize, lane);
                if (batch.isEmpty()) {
                    if (busy) {
                        busy = false;
                        busyLanes.decrementAndGet();
                    }
                    if (busyLanes.get() == 0 || System.nanoTime() > stopClaimingAt) {
                        return sent;
                    }
                    Thread.sleep(IDLE_LANE_LOOKS_AGAIN_MILLIS);
                    continue;
                }
                if (!busy) {
                    busy = true;
                    busyLanes.incrementAndGet();
                }
                Run run = deliverOn(ports.get(lane.channel()), batch, token);
                sent += run.sent();
                if (run.databaseFailed() || System.nanoTime() > stopClaimingAt) {
                    return sent;
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return sent;
        } finally {
            if (busy) {
                busyLanes.decrementAndGet();
            }
        }
    }

    /** The claims of senders that died before {@code claimedBefore}. */
    void recoverAbandoned(Instant claimedBefore) {
        // One unit of work: two senders recovering the same rows may deadlock, and the loser is tried again whole.
        OutboxStore.Abandoned abandoned = Objects.requireNonNull(transactions.execute(
                status -> store.recoverAbandoned(claimedBefore, clock.instant(), ABANDONED)));
        if (abandoned.requeued() > 0) {
            log.warn("{} message(s) claimed by a sender that stopped were put back in the queue", abandoned.requeued());
        }
        if (abandoned.uncertain() > 0) {
            log.warn("{} message(s) were being handed over when their sender stopped; marked UNCERTAIN",
                    abandoned.uncertain());
        }
    }

    int deliver(List<OutboxStore.Claimed> batch, String token) {
        Map<Channel, List<OutboxStore.Claimed>> byChannel = new LinkedHashMap<>();
        batch.forEach(message -> byChannel.computeIfAbsent(message.way().channel(), c -> new ArrayList<>()).add(message));
        int sent = 0;
        List<List<OutboxStore.Claimed>> groups = new ArrayList<>(byChannel.values());
        for (int g = 0; g < groups.size(); g++) {
            Run run = deliverOn(ports.get(groups.get(g).getFirst().way().channel()), groups.get(g), token);
            sent += run.sent();
            if (run.databaseFailed()) {
                groups.subList(g + 1, groups.size()).forEach(rest -> store.release(ids(rest), token, clock.instant()));
                return sent;
            }
        }
        return sent;
    }

    private record Run(int sent, boolean databaseFailed) {
    }

    /**
     * One channel's share of a batch, over one session, in groups of the channel's {@link ChannelPort#handOverGroup}
     * (decision 156). A group's hand-over is committed before its first message goes out, and with it the answers to
     * the group before (decision 152): one commit a group, and still nothing goes out that is not recorded as handed
     * over, and nothing the provider answered is left unrecorded longer than the next group's commit.
     */
    private Run deliverOn(ChannelPort port, List<OutboxStore.Claimed> claimed, String token) {
        Ready ready = ready(port, claimed, token);
        List<OutboxStore.Claimed> batch = ready.messages();
        if (batch.isEmpty()) {
            return new Run(0, false);
        }
        ChannelPort.Session session;
        try {
            session = port.open();
        } catch (ChannelPort.ChannelFailure | RuntimeException e) {
            // Nothing was handed over: every message of the batch waits for its next attempt. An adapter's runtime
            // error (a bad URI, a library's own failure) means the same, and must not leave the batch claimed.
            String answer = e instanceof ChannelPort.ChannelFailure failure ? failure.answer() : DeliveryFailure.answer(e);
            log.warn("{} not reachable ({}): {}", port.channel(), port.describe(), answer);
            ready.notSent(batch);
            for (OutboxStore.Claimed message : batch) {
                retryOrFail(message, token, answer);
            }
            return new Run(0, false);
        }
        int sent = 0;
        List<Answer> unrecorded = new ArrayList<>(); // the group's answers, recorded with the next group's hand-over
        try (session) {
            for (int from = 0; from < batch.size(); from += port.handOverGroup()) {
                List<OutboxStore.Claimed> group = batch.subList(from, Math.min(batch.size(), from + port.handOverGroup()));
                Set<Long> ours;
                try {
                    ours = handingOver(port.channel(), unrecorded, group, token);
                    unrecorded.clear();
                } catch (RuntimeException databaseFailed) {
                    // Its hand-over could not be recorded (or its record's commit is unknown), so it is not handed
                    // over: nothing went out, and it goes back to the queue with the rest of the batch. Uncertain
                    // would leave a message never sent waiting for a person (decision 020). The answers before it
                    // are tried once more on their own; failing that, those messages are uncertain after the lease.
                    recordQuietly(unrecorded, token);
                    unrecorded.clear();
                    ready.notSent(batch.subList(from, batch.size()));
                    store.release(ids(batch.subList(from, batch.size())), token, clock.instant());
                    log.warn("Messages {} not handed over, the database failed; queued again: {}", ids(group),
                            databaseFailed.toString());
                    return new Run(sent, true);
                }
                for (int i = 0; i < group.size(); i++) {
                    OutboxStore.Claimed message = group.get(i);
                    if (!ours.contains(message.id())) {
                        // Taken back from this run (past its lease) and queued again: another run sends it.
                        log.warn("Message {} is no longer this sender's claim; not handed over", message.messageId());
                        ready.notSent(List.of(message));
                        continue;
                    }
                    ChannelPort.Accepted answer;
                    try {
                        answer = session.send(message);
                    } catch (ChannelPort.ChannelFailure | RuntimeException e) {
                        // A runtime error in the adapter came after the hand-over began: whether it went out is unknown.
                        ChannelPort.ChannelFailure failure = e instanceof ChannelPort.ChannelFailure known ? known
                                : new ChannelPort.ChannelFailure(DeliveryFailure.Verdict.UNCERTAIN, DeliveryFailure.answer(e), e);
                        switch (failure.verdict()) {
                            case RETRY -> {
                                ready.notSent(List.of(message)); // nothing was accepted: it costs the phone nothing
                                retryOrFail(message, token, failure.answer());
                            }
                            case FAILED -> {
                                ready.notSent(List.of(message));
                                fallBackOrFail(message, token, "FAILED", failure.answer());
                            }
                            case UNCERTAIN -> {
                                // Never sent again by itself, on this channel or another: it may have arrived.
                                store.recordUncertain(message.id(), token, clock.instant(), failure.answer());
                                // The session is in an unknown state: the rest of the batch, the rest of this group
                                // included (handed over, but this run knows none of them went out), goes in a later run.
                                // It may have arrived, so it keeps its place in the phone's day; the rest give theirs back.
                                ready.notSent(batch.subList(from + i + 1, batch.size()));
                                store.release(ids(batch.subList(from + i + 1, batch.size())), token, clock.instant());
                                log.warn("{} message {} may or may not have been delivered: {}", port.channel(),
                                        message.messageId(), failure.answer());
                                return new Run(sent, false);
                            }
                        }
                        continue;
                    }
                    // Beside the backups at once (decision 184): a database restored to before now must not send it again.
                    journal.append(message.messageId(), clock.instant());
                    unrecorded.add(new Answer(message, answer, clock.instant(),
                            channels.answered(port.channel(), answer.providerMessageId())));
                    sent++;
                }
            }
        } finally {
            if (!unrecorded.isEmpty()) {
                handingOver(port.channel(), unrecorded, List.of(), token);
            }
        }
        return new Run(sent, false);
    }

    /**
     * One transaction: the answers before (if any) recorded, with the receipts that came for them meanwhile, and this
     * group marked as being handed over. Returns the group's messages still this sender's claim.
     */
    private Set<Long> handingOver(Channel channel, List<Answer> answersBefore, List<OutboxStore.Claimed> group,
                                  String token) {
        Set<Long> ours;
        try {
            ours = Objects.requireNonNull(transactions.execute(status -> {
                record(answersBefore, token);
                return group.isEmpty() ? Set.<Long>of() : store.handingOver(ids(group), token, clock.instant());
            }));
        } catch (RuntimeException failed) {
            answersBefore.forEach(answer -> answer.unrecorded().failed(failed));
            throw failed;
        }
        answersBefore.forEach(answer -> answer.unrecorded().committed());
        if (!answersBefore.isEmpty()) {
            channels.answerRecorded(channel);
        }
        return ours;
    }

    /** The answers recorded in a transaction of their own, if the database lets it. */
    private void recordQuietly(List<Answer> answers, String token) {
        if (answers.isEmpty()) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> record(answers, token));
        } catch (RuntimeException stillFailing) {
            log.warn("{} accepted message(s)' answers could not be recorded; they become UNCERTAIN after the lease: {}",
                    answers.size(), stillFailing.toString());
        }
    }

    /**
     * The messages that may go on their channel now. A channel the office has not configured, a phone that opted
     * out or a message without this channel's text passes it to the next channel without an attempt; a recipient
     * who had the channel's throttle's worth of messages moments ago waits for the oldest to age (never dropped).
     * One query each for the whole batch: its recipients' opt-outs and recent messages. Last, a message without a
     * secret on a phone channel takes its place in the phone's day (one transaction for the batch); a phone that had
     * the day's cap passes it on like an opt-out (decision 182).
     */
    private Ready ready(ChannelPort port, List<OutboxStore.Claimed> claimed, String token) {
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
                fallBackOrFail(message, token, "SKIPPED", passedOver);
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
                fallBackOrFail(message, token, "SKIPPED", "the phone had its " + phoneDay.limit().events()
                        + " messages of the day (decision 182)");
            } else {
                going.add(message);
            }
        }
        return new Ready(going, taken);
    }

    /** The messages that go now, and the phones whose day's place each took (given back if it is not sent after all). */
    private final class Ready {

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

    /**
     * Accepted messages' record, in the transaction of the next group's hand-over (or their own): SENT, their secrets
     * erased, the receipts that came for them meanwhile, and, for an e-mail, {@link MailAccepted} announced. Not for
     * WhatsApp or SMS: each publication costs a listener's transaction and a delete, and what listens waits for
     * e-mails (a secret only goes by e-mail).
     */
    private void record(List<Answer> answers, String token) {
        if (answers.isEmpty()) {
            return;
        }
        journal.force();
        Set<Long> recorded = store.recordSent(answers.stream().map(answer -> new OutboxStore.Sent(answer.message().id(),
                answer.message().way().channel(), answer.at(), answer.accepted().answer(),
                answer.accepted().providerMessageId(),
                answer.message().attachments().stream().anyMatch(OutgoingMail.Attachment::secret),
                answer.unrecorded().receiptWithTheAnswer(answer.message().way().fallbacks()))).toList(), token);
        for (Answer answer : answers) {
            answer.unrecorded().recordReceipts();
            OutboxStore.Claimed message = answer.message();
            if (recorded.contains(message.id()) && message.way().channel() == Channel.EMAIL) {
                events.publishEvent(new MailAccepted(new MessageRef(message.id(), message.messageId()),
                        message.templateKey(), message.reference(), answer.at()));
            }
        }
    }

    /**
     * Once per start, before the first message goes out: what the sent journal says a provider accepted since the
     * newest sent message the database knows (a day's margin) is SENT, not sent again. After a restore to an earlier
     * point that is the mail sent after it; on any other start, nothing changes (decision 184).
     */
    private void replayJournalOnce() {
        if (journalReplayed || !journal.keeping()) {
            return;
        }
        Instant since = store.lastSentAt().map(at -> at.minus(java.time.Duration.ofDays(1))).orElse(Instant.EPOCH);
        Set<String> sent = journal.sentSince(since);
        int changed = sent.isEmpty() ? 0 : store.recordSentByJournal(sent, clock.instant());
        if (changed > 0) {
            log.warn("{} message(s) the database did not know as sent were sent before (the sent journal): marked "
                    + "SENT, not sent again", changed);
        }
        journalReplayed = true;
    }

    /** A message the provider accepted, its answer not yet committed (decision 156). */
    private record Answer(OutboxStore.Claimed message, ChannelPort.Accepted accepted, Instant at,
                          ChannelStore.Unrecorded unrecorded) {
    }

    private void retryOrFail(OutboxStore.Claimed message, String token, String answer) {
        Instant now = clock.instant();
        if (message.attempts() >= properties.sender().maxAttempts()) {
            fallBackOrFail(message, token, "FAILED", answer);
        } else {
            store.recordRetry(message.id(), token, now.plus(DeliveryFailure.backoffAfter(message.attempts())), answer);
        }
    }

    /** This channel is done with the message: the next channel takes it, or, the last one, it is FAILED. */
    private void fallBackOrFail(OutboxStore.Claimed message, String token, String outcome, String answer) {
        Instant now = clock.instant();
        OutboxStore.Way way = message.way();
        if (way.fallbacks().isEmpty()) {
            store.recordFailed(message.id(), token, now, way.channel() == Channel.EMAIL ? answer
                    : way.channel() + ": " + answer);
        } else if (store.fallBack(message.id(), token, now, way.channel(), way.fallbacks(), outcome, answer)) {
            log.info("Message {} goes on by {}: {} {}", message.messageId(), way.fallbacks().getFirst(), way.channel(),
                    answer);
        }
    }

    private static List<Long> ids(List<OutboxStore.Claimed> messages) {
        List<Long> ids = new ArrayList<>();
        messages.forEach(message -> ids.add(message.id()));
        return ids;
    }
}

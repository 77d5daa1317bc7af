package id.dukcapil.portal.notification.internal;

import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.MailAccepted;
import id.dukcapil.portal.notification.MessageRef;
import id.dukcapil.portal.notification.OutgoingMail;
import id.dukcapil.portal.outside.OutsideSystem;
import id.dukcapil.portal.outside.OutsideSystems;
import id.dukcapil.portal.shared.backup.SentJournal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands one channel's claimed messages over, through its port, and records each answer with the next group's
 * hand-over (decision 156). Nothing goes out that is not recorded as being handed over first: a message whose answer
 * is lost stays SENDING, and is never sent again by itself (at most once, decision 020).
 */
@Component
class ChannelDelivery {

    private static final Logger log = LoggerFactory.getLogger(ChannelDelivery.class);

    private final OutboxStore store;
    private final OutboxOutcomes outcomes;
    private final ChannelStore channels;
    private final ChannelGate gate;
    private final NextAttempt attempts;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SentJournal journal;
    private final OutsideSystems outside;

    ChannelDelivery(OutboxStore store, OutboxOutcomes outcomes, ChannelStore channels, ChannelGate gate,
                    NextAttempt attempts, TransactionTemplate transactions, ApplicationEventPublisher events,
                    Clock clock, SentJournal journal, OutsideSystems outside) {
        this.outside = outside;
        this.store = store;
        this.outcomes = outcomes;
        this.channels = channels;
        this.gate = gate;
        this.attempts = attempts;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.journal = journal;
    }

    /**
     * What one channel's share of a batch came to: how many were sent, whether the database failed, and whether the
     * provider is away (the lane then claims nothing more on it this run, decision 198).
     */
    record Run(int sent, boolean databaseFailed, boolean away) {

        Run(int sent, boolean databaseFailed) {
            this(sent, databaseFailed, false);
        }
    }

    /**
     * One channel's share of a batch, over one session, in groups of the channel's {@link ChannelPort#handOverGroup}
     * (decision 156). A group's hand-over is committed before its first message goes out, and with it the answers to
     * the group before (decision 152): one commit a group, and still nothing goes out that is not recorded as handed
     * over, and nothing the provider answered is left unrecorded longer than the next group's commit.
     */
    public Run deliverOn(ChannelPort port, List<OutboxStore.Claimed> claimed, String token) {
        ChannelGate.Ready ready = gate.ready(port, claimed, token);
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
            boolean away = e instanceof ChannelPort.ChannelFailure failure && failure.away();
            log.warn("{} not reachable ({}): {}", port.channel(), port.describe(), answer);
            if (away) {
                outside.away(system(port.channel()), answer);
            }
            ready.notSent(batch);
            for (OutboxStore.Claimed message : batch) {
                attempts.retryOrFail(message, token, answer, away);
            }
            return new Run(0, false, away);
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
                        reached(port.channel(), failure);
                        switch (failure.verdict()) {
                            case RETRY -> {
                                ready.notSent(List.of(message)); // nothing was accepted: it costs the phone nothing
                                attempts.retryOrFail(message, token, failure.answer(), failure.away());
                                if (failure.away()) {
                                    // The rest of the batch would meet the same: back to the queue, no attempt spent.
                                    ready.notSent(batch.subList(from + i + 1, batch.size()));
                                    store.release(ids(batch.subList(from + i + 1, batch.size())), token, clock.instant());
                                    return new Run(sent, false, true);
                                }
                            }
                            case FAILED -> {
                                ready.notSent(List.of(message));
                                attempts.fallBackOrFail(message, token, "FAILED", failure.answer());
                            }
                            case UNCERTAIN -> {
                                // Never sent again by itself, on this channel or another: it may have arrived.
                                outcomes.recordUncertain(message.id(), token, clock.instant(), failure.answer());
                                // The session is in an unknown state: the rest of the batch, the rest of this group
                                // included (handed over, but this run knows none of them went out), goes in a later run.
                                // It may have arrived, so it keeps its place in the phone's day; the rest give theirs back.
                                ready.notSent(batch.subList(from + i + 1, batch.size()));
                                store.release(ids(batch.subList(from + i + 1, batch.size())), token, clock.instant());
                                log.warn("{} message {} may or may not have been delivered: {}", port.channel(),
                                        message.messageId(), failure.answer());
                                return new Run(sent, false, failure.away());
                            }
                        }
                        continue;
                    }
                    // Beside the backups at once (decision 184): a database restored to before now must not send it again.
                    journal.append(message.messageId(), clock.instant());
                    reached(port.channel(), null);
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
        Set<Long> recorded = outcomes.recordSent(answers.stream().map(answer -> new OutboxOutcomes.Sent(
                answer.message().id(), answer.message().way().channel(), answer.at(), answer.accepted().answer(),
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

    /** A message the provider accepted, its answer not yet committed (decision 156). */
    private record Answer(OutboxStore.Claimed message, ChannelPort.Accepted accepted, Instant at,
                          ChannelStore.Unrecorded unrecorded) {
    }

    /**
     * The provider answered (a refusal of one message is an answer), or is away (decision 198). Back from away, its
     * messages waiting between attempts are due at once: they go now, not at the end of their back-off.
     */
    private void reached(Channel channel, ChannelPort.@Nullable ChannelFailure failure) {
        if (failure != null && failure.away()) {
            outside.away(system(channel), failure.answer());
        } else if (outside.contact(system(channel))) {
            int due = outcomes.dueNow(channel, clock.instant());
            log.info("{} is back: {} message(s) waiting between attempts are due now", channel, due);
        }
    }

    static OutsideSystem system(Channel channel) {
        return switch (channel) {
            case EMAIL -> OutsideSystem.MAIL;
            case WHATSAPP -> OutsideSystem.WHATSAPP;
            case SMS -> OutsideSystem.SMS;
        };
    }

    static List<Long> ids(List<OutboxStore.Claimed> messages) {
        List<Long> ids = new ArrayList<>();
        messages.forEach(message -> ids.add(message.id()));
        return ids;
    }
}

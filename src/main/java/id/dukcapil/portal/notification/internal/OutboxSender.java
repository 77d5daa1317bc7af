package id.dukcapil.portal.notification.internal;

import id.dukcapil.portal.notification.MailAccepted;
import id.dukcapil.portal.notification.MessageRef;
import id.dukcapil.portal.notification.internal.DeliveryFailure.Verdict;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due messages: claim a batch (committed as SENDING before anything goes out), connect once, hand each
 * message over, record each answer at once. A message whose sender died between handing it over and recording
 * the answer stays SENDING; the next run, past the lease, marks it UNCERTAIN and does not send it again
 * (at most once: docs/decisions/020-outbox-delivery-guarantee.md). A message the dead sender had claimed but not
 * yet begun to hand over goes back to the queue (decision 078).
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    static final String ABANDONED = "The sender stopped while handing this message over; it may or may not have "
            + "arrived. Not sent again automatically.";

    private final OutboxStore store;
    private final MailTransport transport;
    private final NotificationProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OutboxSender(OutboxStore store, MailTransport transport, NotificationProperties properties,
                 TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.transport = transport;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        log.info("E-mail outbox delivers to {}", transport.describe());
    }

    /**
     * Once per interval in the whole cluster (ShedLock, held at least the interval: a node whose schedule fires a
     * moment after another's finds it taken); the claim keeps two runs apart even without the lock.
     */
    @Scheduled(fixedDelayString = "${portal.notification.sender.interval}",
            initialDelayString = "${portal.notification.sender.interval}")
    @SchedulerLock(name = "notification-outbox-sender", lockAtMostFor = "PT10M",
            lockAtLeastFor = "${portal.notification.sender.interval}")
    void scheduledRun() {
        deliverDue();
    }

    /** One run: every message due now, batch by batch, within the run's budget. Returns how many were sent. */
    public int deliverDue() {
        NotificationProperties.Sender settings = properties.sender();
        recoverAbandoned(clock.instant().minus(settings.lease()));
        long stopClaimingAt = System.nanoTime() + settings.runBudget().toNanos();
        int sent = 0;
        while (true) {
            String token = UUID.randomUUID().toString();
            List<OutboxStore.Claimed> batch = store.claim(token, clock.instant(), settings.batchSize());
            if (batch.isEmpty()) {
                return sent;
            }
            sent += deliver(batch, token);
            if (batch.size() < settings.batchSize() || System.nanoTime() > stopClaimingAt) {
                return sent;
            }
        }
    }

    /** The claims of senders that died before {@code claimedBefore}. */
    void recoverAbandoned(Instant claimedBefore) {
        // One unit of work: two senders recovering the same rows may deadlock, and the loser is tried again whole.
        OutboxStore.Abandoned abandoned = Objects.requireNonNull(transactions.execute(
                status -> store.recoverAbandoned(claimedBefore, clock.instant(), ABANDONED)));
        if (abandoned.requeued() > 0) {
            log.warn("{} e-mail(s) claimed by a sender that stopped were put back in the queue", abandoned.requeued());
        }
        if (abandoned.uncertain() > 0) {
            log.warn("{} e-mail(s) were being handed over when their sender stopped; marked UNCERTAIN",
                    abandoned.uncertain());
        }
    }

    int deliver(List<OutboxStore.Claimed> batch, String token) {
        MailTransport.Connection connection;
        try {
            connection = transport.connect();
        } catch (MessagingException | RuntimeException e) {
            // Nothing was handed over: every message of the batch waits for its next attempt.
            String answer = DeliveryFailure.answer(e);
            log.warn("Mail server not reachable ({}): {}", transport.describe(), answer);
            for (OutboxStore.Claimed message : batch) {
                retryOrFail(message, token, answer);
            }
            return 0;
        }
        int sent = 0;
        try (connection) {
            for (int i = 0; i < batch.size(); i++) {
                OutboxStore.Claimed message = batch.get(i);
                boolean stillOurs;
                try {
                    stillOurs = store.handingOver(message.id(), token, clock.instant());
                } catch (RuntimeException databaseFailed) {
                    // Its hand-over could not be recorded (or its record's commit is unknown), so it is not handed
                    // over: nothing went out, and it goes back to the queue with the rest of the batch. Uncertain
                    // would leave a message never sent waiting for a person (decision 020).
                    store.release(ids(batch.subList(i, batch.size())), token, clock.instant());
                    log.warn("E-mail {} not handed over, the database failed; queued again: {}", message.messageId(),
                            databaseFailed.toString());
                    return sent;
                }
                if (!stillOurs) {
                    // Taken back from this run (past its lease) and queued again: another run sends it.
                    log.warn("E-mail {} is no longer this sender's claim; not handed over", message.messageId());
                    continue;
                }
                try {
                    String answer = connection.deliver(MimeComposer.compose(message, properties.from(), clock.instant()));
                    accepted(message, token, answer);
                    sent++;
                } catch (MessagingException | RuntimeException e) {
                    Verdict verdict = DeliveryFailure.classify(e);
                    String answer = DeliveryFailure.answer(e);
                    switch (verdict) {
                        case RETRY -> retryOrFail(message, token, answer);
                        case FAILED -> store.recordFailed(message.id(), token, clock.instant(), answer);
                        case UNCERTAIN -> {
                            store.recordUncertain(message.id(), token, clock.instant(), answer);
                            // The connection is in an unknown state: the rest of the batch goes in a later run.
                            store.release(ids(batch.subList(i + 1, batch.size())), token, clock.instant());
                            log.warn("E-mail {} may or may not have been delivered: {}", message.messageId(), answer);
                            return sent;
                        }
                    }
                }
            }
        }
        return sent;
    }

    /** SENT, its secrets erased, and {@link MailAccepted} announced, in one transaction. */
    private void accepted(OutboxStore.Claimed message, String token, String answer) {
        Instant at = clock.instant();
        transactions.executeWithoutResult(status -> {
            if (store.recordSent(message.id(), token, at, answer)) {
                events.publishEvent(new MailAccepted(new MessageRef(message.id(), message.messageId()),
                        message.templateKey(), message.reference(), at));
            }
        });
    }

    private void retryOrFail(OutboxStore.Claimed message, String token, String answer) {
        Instant now = clock.instant();
        if (message.attempts() >= properties.sender().maxAttempts()) {
            store.recordFailed(message.id(), token, now, answer);
        } else {
            store.recordRetry(message.id(), token, now.plus(DeliveryFailure.backoffAfter(message.attempts())), answer);
        }
    }

    private static List<Long> ids(List<OutboxStore.Claimed> messages) {
        List<Long> ids = new ArrayList<>();
        messages.forEach(message -> ids.add(message.id()));
        return ids;
    }
}

package id.dukcapil.portal.notification.sms;

import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.internal.ChannelStore;
import id.dukcapil.portal.notification.internal.ChannelStore.Delivery;
import id.dukcapil.portal.notification.internal.StopReplies;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the gateway delivers on the bound session: delivery receipts (the receipt's id is the submit's message_id)
 * and citizens' replies, of which STOP and BERHENTI opt the phone out of SMS. A receipt is recorded before the
 * deliver_sm is answered: a failure answers with an error, and the gateway delivers the receipt again.
 */
@Component
class SmppReceipts implements MessageReceiverListener {

    private static final Logger log = LoggerFactory.getLogger(SmppReceipts.class);
    /** ESME_RX_T_APPN: "try again later", so the gateway keeps the receipt. */
    private static final int TRY_LATER = 0x64;
    /** How long a receipt waits for its submit's answer to be recorded, looking again after each commit or this. */
    private static final Duration RECEIPT_WAIT = Duration.ofSeconds(2);
    private static final Duration LOOK_AGAIN = Duration.ofMillis(50);
    /** A lane commits a group's answers after its next group's hand-over at most; a submit's timeout is 10 s. */
    private static final long COMMIT_WAIT_SECONDS = 30;

    private final ChannelStore channels;
    private final StopReplies stopReplies;
    private final Clock clock;

    SmppReceipts(ChannelStore channels, StopReplies stopReplies, Clock clock) {
        this.channels = channels;
        this.stopReplies = stopReplies;
        this.clock = clock;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        try {
            if (deliverSm.isSmscDeliveryReceipt()) {
                receipt(deliverSm.getShortMessageAsDeliveryReceipt());
            } else {
                reply(deliverSm.getSourceAddr(), deliverSm.getShortMessage());
            }
        } catch (InvalidDeliveryReceiptException unreadable) {
            log.warn("An SMS delivery receipt that cannot be read: {}", unreadable.getMessage());
        } catch (RuntimeException notRecorded) {
            log.warn("SMS receipt not recorded, the gateway is asked to send it again: {}", notRecorded.toString());
            throw new ProcessRequestException("not recorded", TRY_LATER);
        }
    }

    private void receipt(DeliveryReceipt receipt) {
        Delivery delivery = switch (receipt.getFinalStatus()) {
            case DELIVRD -> Delivery.DELIVERED;
            case UNDELIV, REJECTD, EXPIRED, DELETED -> Delivery.UNDELIVERED;
            default -> null; // ENROUTE, ACCEPTD, UNKNOWN: not final
        };
        if (delivery == null || receipt.getId() == null) {
            return;
        }
        // A fast gateway's receipt can overtake the sender's record of the submit's answer (its message_id). One whose
        // answer this node's sender holds is recorded with it, in its lane's next commit (decision 156), and answered
        // once that committed. Otherwise, while an SMS is being handed over, it waits for that commit a moment (woken
        // by this node's sender as it holds or records an answer, not polling the database); else not at all, as this
        // is jSMPP's thread. A receipt still unmatched names no message of ours (sent before a restore, or repeated
        // after its message went on by another channel): taken and dropped, or the gateway would repeat it.
        String id = receipt.getId().strip();
        Instant at = receipt.getDoneDate() == null ? clock.instant() : receipt.getDoneDate().toInstant();
        String answer = "stat:" + receipt.getFinalStatus() + " err:" + receipt.getError();
        long deadline = System.nanoTime() + RECEIPT_WAIT.toNanos();
        long lookedAt = System.nanoTime() - LOOK_AGAIN.toNanos();
        long recordings = -1;
        while (true) {
            Optional<CompletableFuture<Void>> withItsAnswer = channels.withItsAnswer(Channel.SMS, id, delivery, at, answer);
            if (withItsAnswer.isPresent()) {
                awaitCommit(withItsAnswer.get());
                return;
            }
            // The database only when this node's sender committed answers since, or after a while (another node's).
            long now = System.nanoTime();
            if (channels.recordings(Channel.SMS) != recordings || now - lookedAt >= LOOK_AGAIN.toNanos()) {
                recordings = channels.recordings(Channel.SMS);
                lookedAt = now;
                if (channels.receipt(Channel.SMS, id, delivery, at, answer)) {
                    return;
                }
                // Looked at again after "nothing is being handed over": its answer may have been committed between.
                if ((now > deadline || !channels.anyBeingHandedOver(Channel.SMS))
                        && !channels.receipt(Channel.SMS, id, delivery, at, answer)) {
                    log.warn("SMS receipt for message_id {} matches no sent SMS; dropped", receipt.getId());
                    return;
                }
            }
            try {
                channels.awaitAnswer(Channel.SMS, LOOK_AGAIN.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
    }

    /** Until the lane's commit that records the receipt with its answer; a failed or late one is not answered OK. */
    private static void awaitCommit(CompletableFuture<Void> recorded) {
        try {
            recorded.get(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException | TimeoutException notCommitted) {
            // The gateway sends it again; if the commit comes after all, the repeat is taken as a repeat.
            throw new IllegalStateException("The receipt's record with its answer did not commit", notCommitted);
        }
    }

    private void reply(@Nullable String from, byte @Nullable [] text) {
        stopReplies.apply(Channel.SMS, from, text == null ? "" : new String(text, StandardCharsets.ISO_8859_1));
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not used", 0x03); // ESME_RINVCMDID
    }
}

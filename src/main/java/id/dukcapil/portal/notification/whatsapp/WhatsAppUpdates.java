package id.dukcapil.portal.notification.whatsapp;

import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.internal.ChannelStore;
import id.dukcapil.portal.notification.internal.ChannelStore.Delivery;
import id.dukcapil.portal.notification.internal.StopReplies;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import tools.jackson.databind.JsonNode;

/**
 * Applies one verified webhook payload ({@code object: whatsapp_business_account}, its {@code entry[].changes[]
 * .value}): each status updates its message (sent confirms an UNCERTAIN one, delivered and read are recorded, failed
 * passes it to its next channel), and a citizen's STOP or BERHENTI reply opts that phone out of WhatsApp.
 * One unit of work: Meta sends the payload again until it is answered 200.
 */
@Component
class WhatsAppUpdates {

    private final ChannelStore channels;
    private final StopReplies stopReplies;
    private final Clock clock;

    WhatsAppUpdates(ChannelStore channels, StopReplies stopReplies, Clock clock) {
        this.channels = channels;
        this.stopReplies = stopReplies;
        this.clock = clock;
    }

    /**
     * Whether every status could be applied. False when one names a message whose hand-over is still being recorded
     * (the status overtook the Cloud API's answer): the webhook then asks Meta to send the payload again, and nothing
     * of it is kept (rolled back), or every resend would log each receipt and audit each STOP once more.
     */
    @Transactional
    public boolean apply(JsonNode payload) {
        boolean complete = true;
        for (JsonNode entry : payload.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                for (JsonNode status : value.path("statuses")) {
                    if (!status(status) && overtook(status)) {
                        complete = false;
                    }
                }
                for (JsonNode message : value.path("messages")) {
                    stopReplies.apply(Channel.WHATSAPP, message.path("from").asString(""),
                            message.path("text").path("body").asString(""));
                }
            }
        }
        if (!complete) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
        return complete;
    }

    private boolean overtook(JsonNode status) {
        String callback = status.path("biz_opaque_callback_data").asString("");
        return !callback.isEmpty() && channels.beingHandedOver(Channel.WHATSAPP, callback);
    }

    private boolean status(JsonNode status) {
        String wamid = status.path("id").asString("");
        if (wamid.isEmpty() || wamid.length() > 128) {
            return false;
        }
        Instant at = timestamp(status);
        String callback = status.path("biz_opaque_callback_data").asString("");
        boolean confirmed = !callback.isEmpty() && channels.confirmUncertain(Channel.WHATSAPP, callback, wamid, at);
        Delivery delivery = switch (status.path("status").asString("")) {
            case "delivered" -> Delivery.DELIVERED;
            case "read" -> Delivery.READ;
            case "failed" -> Delivery.UNDELIVERED;
            default -> null; // "sent": accepted by WhatsApp's server, which the send's answer already said
        };
        if (delivery == null) {
            return confirmed;
        }
        JsonNode error = status.path("errors").path(0);
        String answer = error.isMissingNode() ? status.path("status").asString("")
                : "error " + error.path("code").asInt(0) + ": " + error.path("title").asString("")
                        + " " + error.path("error_data").path("details").asString("");
        return channels.receipt(Channel.WHATSAPP, wamid, delivery, at, answer.strip()) || confirmed;
    }

    private Instant timestamp(JsonNode status) {
        long seconds = status.path("timestamp").asLong(0);
        return seconds > 0 ? Instant.ofEpochSecond(seconds) : clock.instant();
    }
}

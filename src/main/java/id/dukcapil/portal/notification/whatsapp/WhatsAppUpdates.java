package id.dukcapil.portal.notification.whatsapp;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.internal.ChannelStore;
import id.dukcapil.portal.notification.internal.ChannelStore.Delivery;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Applies one verified webhook payload ({@code object: whatsapp_business_account}, its {@code entry[].changes[]
 * .value}): each status updates its message (sent confirms an UNCERTAIN one, delivered and read are recorded, failed
 * passes it to its next channel), and a citizen's STOP or BERHENTI reply opts that phone out of WhatsApp.
 * One unit of work: Meta sends the payload again until it is answered 200.
 */
@Component
class WhatsAppUpdates {

    private static final Set<String> STOP_WORDS = Set.of("STOP", "BERHENTI");

    private final ChannelStore channels;
    private final AuditLog auditLog;
    private final Clock clock;

    WhatsAppUpdates(ChannelStore channels, AuditLog auditLog, Clock clock) {
        this.channels = channels;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Whether every status could be applied. False when one names a message whose hand-over is still being recorded
     * (the status overtook the Cloud API's answer): the webhook then asks Meta to send the payload again, and what was
     * applied of it is applied again harmlessly.
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
                    reply(message);
                }
            }
        }
        return complete;
    }

    private boolean overtook(JsonNode status) {
        String callback = status.path("biz_opaque_callback_data").asString("");
        return !callback.isEmpty() && channels.handingOver(Channel.WHATSAPP, callback);
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

    private void reply(JsonNode message) {
        String text = message.path("text").path("body").asString("").strip().toUpperCase(Locale.ROOT);
        String from = message.path("from").asString("");
        if (STOP_WORDS.contains(text) && from.matches("62[0-9]{8,12}")) {
            channels.optOut(Channel.WHATSAPP, "+" + from, clock.instant());
            auditLog.record(Actor.system("whatsapp"), AuditRecord.success("notification.opted-out", "Phone",
                    masked(from)).withDetail("WhatsApp reply " + text));
        }
    }

    private Instant timestamp(JsonNode status) {
        long seconds = status.path("timestamp").asLong(0);
        return seconds > 0 ? Instant.ofEpochSecond(seconds) : clock.instant();
    }

    /** The log names the phone by its last digits only. */
    static String masked(@Nullable String phone) {
        return phone == null || phone.length() < 4 ? "?" : "…" + phone.substring(phone.length() - 4);
    }
}

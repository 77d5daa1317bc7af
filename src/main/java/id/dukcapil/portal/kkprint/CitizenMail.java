package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.kkprint.internal.KkRequestEntity;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.MessageKind;
import id.dukcapil.portal.notification.OfficeChannels;
import id.dukcapil.portal.notification.Outbox;
import id.dukcapil.portal.notification.OutgoingMail;
import id.dukcapil.portal.notification.Reach;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The messages SOP B sends the requester (in Indonesian: the IKD app's language), through the outbox, on the channel
 * the requester chose in the IKD app. The QR code and PIN go by e-mail only: a requester who chose WhatsApp or SMS
 * is told there that they wait in the e-mail, never what they are (decision 153).
 */
@Component
class CitizenMail {

    static final Locale INDONESIAN = Locale.of("id");

    private final Outbox outbox;
    private final OfficeChannels officeChannels;

    CitizenMail(Outbox outbox, OfficeChannels officeChannels) {
        this.outbox = outbox;
        this.officeChannels = officeChannels;
    }

    void returned(KkRequestEntity request, String templateKey, String reason) {
        if (request.requesterEmail() != null) {
            outbox.enqueue(OutgoingMail.of(request.requesterEmail(), templateKey, INDONESIAN,
                    Map.of("name", request.requesterName(), "tracking", request.trackingNumber(), "reason", reason)),
                    reach(request));
        }
    }

    /**
     * The QR code and PIN of the earlier e-mail expire soon: no secret again, only where to find them. One per
     * release, whatever runs the reminder twice (the outbox's unique key, decision 142).
     */
    void expiringSoon(KkRequestEntity request, long releaseId, String expiresOn) {
        if (request.requesterEmail() != null) {
            outbox.enqueue(OutgoingMail.of(request.requesterEmail(), "kkprint-expiring", INDONESIAN,
                    Map.of("name", request.requesterName(), "tracking", request.trackingNumber(), "expires", expiresOn))
                    .withReference(request.trackingNumber())
                    .withKind(MessageKind.REMINDER)
                    .withOnceKey("kkprint-expiring/" + releaseId), reach(request));
        }
    }

    /**
     * Step 9: the QR code and PIN by e-mail (the SOP's channel, and the only one that keeps them off a locked
     * screen); to a requester who chose WhatsApp or SMS, also a notice there that names the mailbox, no secret.
     */
    void delivered(KkRequestEntity request, String qrContent, byte[] qrPng, String pin, String expiresOn) {
        if (request.requesterEmail() == null) {
            throw new IllegalStateException("Request " + request.trackingNumber() + " has no e-mail address");
        }
        outbox.enqueue(OutgoingMail.of(request.requesterEmail(), QrPinMailAccepted.TEMPLATE, INDONESIAN,
                        Map.of("name", request.requesterName(), "tracking", request.trackingNumber(), "pin", pin,
                                "reference", qrContent, "expires", expiresOn))
                .withSecretAttachment("qr-" + request.trackingNumber() + ".png", OutgoingMail.Attachment.PNG, qrPng)
                .withReference(request.trackingNumber()));
        Channel chosen = request.newsChannel();
        if (chosen == Channel.EMAIL || request.requesterPhone() == null) {
            return;
        }
        // By phone only: by e-mail it would repeat the message just queued. Where this office has no phone channel
        // the e-mail is the whole news.
        Reach byPhone = Reach.phoneOnly(chosen, request.requesterPhone());
        if (officeChannels.canReach(byPhone)) {
            outbox.enqueue(OutgoingMail.of(request.requesterPhone(), "kkprint-ready", INDONESIAN,
                    Map.of("tracking", request.trackingNumber(), "expires", expiresOn,
                            "mailbox", maskedMailbox(request.requesterEmail()))), byPhone);
        }
    }

    private static Reach reach(KkRequestEntity request) {
        return Reach.chosen(request.newsChannel(), request.requesterPhone());
    }

    /** Enough of the address for its owner to know which mailbox to open, not enough to read it off a lock screen. */
    static String maskedMailbox(String email) {
        int at = email.indexOf('@');
        String local = email.substring(0, at);
        return local.substring(0, Math.min(2, local.length())) + "***" + email.substring(at);
    }
}

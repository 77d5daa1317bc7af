package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.kkprint.internal.RequestStore;
import id.dukcapil.portal.notification.MessageKind;
import id.dukcapil.portal.notification.Outbox;
import id.dukcapil.portal.notification.OutgoingMail;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The e-mails SOP B sends the requester (in Indonesian: the IKD app's language), through the outbox. */
@Component
class CitizenMail {

    static final Locale INDONESIAN = Locale.of("id");

    private final Outbox outbox;

    CitizenMail(Outbox outbox) {
        this.outbox = outbox;
    }

    void returned(RequestStore.Row request, String templateKey, String reason) {
        if (request.requesterEmail() != null) {
            outbox.enqueue(OutgoingMail.of(request.requesterEmail(), templateKey, INDONESIAN,
                    Map.of("name", request.requesterName(), "tracking", request.trackingNumber(), "reason", reason)));
        }
    }

    /**
     * The QR code and PIN of the earlier e-mail expire soon: no secret again, only where to find them. One per
     * release, whatever runs the reminder twice (the outbox's unique key, decision 142).
     */
    void expiringSoon(RequestStore.Row request, long releaseId, String expiresOn) {
        if (request.requesterEmail() != null) {
            outbox.enqueue(OutgoingMail.of(request.requesterEmail(), "kkprint-expiring", INDONESIAN,
                    Map.of("name", request.requesterName(), "tracking", request.trackingNumber(), "expires", expiresOn))
                    .withReference(request.trackingNumber())
                    .withKind(MessageKind.REMINDER)
                    .withOnceKey("kkprint-expiring/" + releaseId));
        }
    }

    void delivered(RequestStore.Row request, String qrContent, byte[] qrPng, String pin, String expiresOn) {
        if (request.requesterEmail() == null) {
            throw new IllegalStateException("Request " + request.trackingNumber() + " has no e-mail address");
        }
        outbox.enqueue(OutgoingMail.of(request.requesterEmail(), QrPinMailAccepted.TEMPLATE, INDONESIAN,
                        Map.of("name", request.requesterName(), "tracking", request.trackingNumber(), "pin", pin,
                                "reference", qrContent, "expires", expiresOn))
                .withSecretAttachment("qr-" + request.trackingNumber() + ".png", OutgoingMail.Attachment.PNG, qrPng)
                .withReference(request.trackingNumber()));
    }
}

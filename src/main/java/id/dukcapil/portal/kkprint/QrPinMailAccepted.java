package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.kkprint.internal.Lifecycle;
import id.dukcapil.portal.notification.MailAccepted;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * SOP B step 9 lasts from the signature until the mail server accepts the e-mail with the QR code and PIN, not
 * until it is queued: it ends at the acceptance the outbox announces. With the mail server down the step stays open
 * (and shows overdue). A later e-mail with a new PIN finds the step already ended.
 */
@Component
class QrPinMailAccepted {

    static final String TEMPLATE = "kkprint-delivered";

    private final StepClock stepClock;

    QrPinMailAccepted(StepClock stepClock) {
        this.stepClock = stepClock;
    }

    @ApplicationModuleListener
    void on(MailAccepted accepted) {
        if (TEMPLATE.equals(accepted.templateKey()) && accepted.reference() != null) {
            stepClock.leaveIfOpen(Lifecycle.caseRef(accepted.reference()), SopStep.B9_QR_PIN_EMAIL,
                    accepted.acceptedAt(), Actor.system("outbox").id());
        }
    }
}

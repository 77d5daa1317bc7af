package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.signing.DocumentReturned;
import id.dukcapil.portal.signing.DocumentSigned;
import id.dukcapil.portal.signing.SigningQueue;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The Kepala Dinas's answer from the signing module: a signed card is delivered (QR code and PIN), a returned one
 * goes back to verification. Events of the publication registry: an answer survives a crash in between.
 */
@Component
class SigningOutcomes {

    private final KkDelivery delivery;
    private final SigningQueue signingQueue;

    SigningOutcomes(KkDelivery delivery, SigningQueue signingQueue) {
        this.delivery = delivery;
        this.signingQueue = signingQueue;
    }

    // Conditions rather than ifs in the bodies: a publication is stored, and later run and deleted in a transaction
    // of its own, only for the documents this module owns (issue 56: the signing batch's commit wrote one per
    // listener of every module for every document).
    @ApplicationModuleListener(condition = "#signed.sourceType() == '" + KkCards.SOURCE_TYPE + "'")
    void on(DocumentSigned signed) {
        byte[] pdf = signingQueue.signedPdf(signed.documentId())
                .orElseThrow(() -> new IllegalStateException("No signed PDF for document " + signed.number()));
        delivery.signed(signed.sourceId(), pdf, signed.signedAt(), signed.signedBy());
    }

    @ApplicationModuleListener(condition = "#returned.sourceType() == '" + KkCards.SOURCE_TYPE + "'")
    void on(DocumentReturned returned) {
        delivery.returnedBySigner(returned.sourceId(), returned.reason(), returned.returnedAt(),
                returned.returnedBy());
    }
}

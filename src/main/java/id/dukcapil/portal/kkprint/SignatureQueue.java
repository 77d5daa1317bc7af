package id.dukcapil.portal.kkprint;

/**
 * The port to the Kepala Dinas's signing queue (the signing module). Its outcome comes back through
 * {@link KkDelivery#signed} or {@link KkDelivery#returnedBySigner}. Until an adapter exists, verified requests
 * wait in {@link RequestState#VERIFIED} (docs/decisions/052-kk-print-signing-port.md).
 */
public interface SignatureQueue {

    void submit(DocumentToSign document);
}

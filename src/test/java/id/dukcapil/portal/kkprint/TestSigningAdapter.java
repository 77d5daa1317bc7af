package id.dukcapil.portal.kkprint;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;

/**
 * TEST ONLY: stands in for the signing module (issue 7) behind kkprint's {@link SignatureQueue} port until that
 * module is merged. It keeps what was submitted; a test "signs" by handing the document back unchanged, as the
 * Kepala Dinas's signing module will through {@link KkDelivery#signed}.
 */
@TestComponent
public class TestSigningAdapter implements SignatureQueue {

    private final List<DocumentToSign> submitted = new CopyOnWriteArrayList<>();
    private final KkDelivery delivery;

    TestSigningAdapter(KkDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void submit(DocumentToSign document) {
        submitted.add(document);
    }

    public List<DocumentToSign> submittedFor(String trackingNumber) {
        return submitted.stream().filter(document -> document.reference().equals(trackingNumber)).toList();
    }

    /** Signs every document submitted for the request (there should be exactly one). */
    public void sign(String trackingNumber) {
        for (DocumentToSign document : new ArrayList<>(submittedFor(trackingNumber))) {
            delivery.signed(document.reference(), document.pdf(), "Kepala Dinas (test adapter)");
            submitted.remove(document);
        }
    }
}

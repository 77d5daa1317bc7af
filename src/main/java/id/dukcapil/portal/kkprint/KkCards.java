package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.kkprint.internal.FamilyAtVerification;
import id.dukcapil.portal.kkprint.internal.FamilyCardHeading;
import id.dukcapil.portal.kkprint.internal.FamilyDetails;
import id.dukcapil.portal.kkprint.internal.KkDocument;
import id.dukcapil.portal.kkprint.internal.KkCardSource;
import id.dukcapil.portal.kkprint.internal.KkRequestRepository;
import id.dukcapil.portal.kkprint.internal.SignableFamily;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.signing.QueuedDocument;
import id.dukcapil.portal.signing.SignableDocuments;
import id.dukcapil.portal.signing.SignatureBlock;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * SOP B's document for the signing port: the family card of a verified request, rendered from the registry when the
 * Kepala Dinas signs it, and only if the registry still says what the verifier approved (decision 081); otherwise it
 * goes back to the verifier with the differences in words.
 */
@Component
public class KkCards implements SignableDocuments {

    /** How kkprint names itself to the signing queue; the source id is the tracking number. */
    static final String SOURCE_TYPE = "KK_PRINT_REQUEST";
    static final String KIND = "KARTU_KELUARGA";
    static final String PREFIX = "KK";

    private final KkRequestRepository store;
    private final PopulationRegistry registry;
    private final KkDocument kkDocument;
    private final MessageSource messages;

    KkCards(KkRequestRepository store, PopulationRegistry registry, KkDocument kkDocument, MessageSource messages) {
        this.store = store;
        this.registry = registry;
        this.kkDocument = kkDocument;
        this.messages = messages;
    }

    @Override
    public String sourceType() {
        return SOURCE_TYPE;
    }

    @Override
    public Rendering render(String trackingNumber, SignatureBlock block) {
        // One statement of two columns per card: the batch renders each card on its own (no entity loaded for it).
        KkCardSource request = store.cardSource(trackingNumber)
                .orElseThrow(() -> new KkPrintRefusal(KkPrintRefusal.Code.REQUEST_NOT_FOUND));
        Family family = SignableFamily.of(KkNumber.of(request.kkNumber()), registry);
        String verified = request.familyAtVerification();
        List<String> changes = verified == null ? List.of()
                : FamilyAtVerification.differences(verified, family, messages);
        if (!changes.isEmpty()) {
            return new Rendering.SendBack(messages.getMessage("kkprint.verified-change.returned",
                    new Object[] {String.join("; ", changes)}, PortalMessages.INDONESIAN));
        }
        return new Rendering.Pdf(kkDocument.render(family, block));
    }

    @Override
    public Heading heading(QueuedDocument card, Locale locale) {
        return FamilyCardHeading.of(card, messages, locale);
    }

    @Override
    public List<Detail> details(String trackingNumber, Locale locale) {
        return store.cardSource(trackingNumber)
                .flatMap(request -> registry.findFamily(KkNumber.of(request.kkNumber())))
                .map(family -> FamilyDetails.of(family, messages, locale)).orElse(List.of());
    }
}

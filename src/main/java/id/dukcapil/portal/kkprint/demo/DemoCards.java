package id.dukcapil.portal.kkprint.demo;

import id.dukcapil.portal.kkprint.internal.FamilyCardHeading;
import id.dukcapil.portal.kkprint.internal.FamilyDetails;
import id.dukcapil.portal.kkprint.internal.KkDocument;
import id.dukcapil.portal.kkprint.internal.SignableFamily;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.FamilyId;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.signing.QueuedDocument;
import id.dukcapil.portal.signing.SignableDocuments;
import id.dukcapil.portal.signing.SignatureBlock;
import id.dukcapil.portal.signing.SigningQueue;
import id.dukcapil.portal.signing.SigningRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's family cards waiting for the Kepala Dinas at the first start (six to look at, hundreds for the crash
 * suite: {@code portal.kkprint.demo-cards-to-sign}), without a request behind them: their source type is
 * {@code DEMO}, their source id {@code DEMO-KK-<family id>}, and this renders them from the registry.
 */
@Component
@Profile("demo")
public class DemoCards implements SignableDocuments {

    static final String SOURCE_TYPE = "DEMO";
    private static final String PREFIX = "DEMO-KK-";
    private static final Logger log = LoggerFactory.getLogger(DemoCards.class);

    private final SigningQueue queue;
    private final PopulationRegistry registry;
    private final KkDocument kkDocument;
    private final MessageSource messages;
    private final int cards;
    private final Clock clock;

    DemoCards(SigningQueue queue, PopulationRegistry registry, KkDocument kkDocument, MessageSource messages,
              @Value("${portal.kkprint.demo-cards-to-sign:6}") int cards, Clock clock) {
        this.queue = queue;
        this.registry = registry;
        this.kkDocument = kkDocument;
        this.messages = messages;
        this.cards = cards;
        this.clock = clock;
    }

    @Override
    public String sourceType() {
        return SOURCE_TYPE;
    }

    @Override
    public Rendering render(String sourceId, SignatureBlock block) {
        Family family = registry.findFamily(familyOf(sourceId)).orElseThrow();
        SignableFamily.of(family.kkNumber(), registry);
        return new Rendering.Pdf(kkDocument.render(family, block));
    }

    @Override
    public Heading heading(QueuedDocument card, Locale locale) {
        return FamilyCardHeading.of(card, messages, locale);
    }

    @Override
    public List<Detail> details(String sourceId, Locale locale) {
        return registry.findFamily(familyOf(sourceId)).map(family -> FamilyDetails.of(family, messages, locale))
                .orElse(List.of());
    }

    /** DEMO-KK-<family id>, or DEMO-KK-<family id>-<anything> for a family's further cards. */
    private static FamilyId familyOf(String sourceId) {
        return FamilyId.of(Long.parseLong(sourceId.substring(PREFIX.length()).split("-")[0]));
    }

    /** Queues the cards: called once, at the demo's first start. */
    void queueAtFirstStart() {
        int queued = 0;
        for (long familyId = 1; queued < cards && familyId <= 10L * cards; familyId++) {
            Optional<Family> family = registry.findFamily(FamilyId.of(familyId));
            if (family.isPresent() && family.get().head().isPresent() && family.get().members().stream()
                    .allMatch(member -> member.nikDisagreements().isEmpty())) {
                Resident head = family.get().head().orElseThrow();
                queue.submit(new SigningRequest(SOURCE_TYPE, PREFIX + familyId, "KARTU_KELUARGA", "KK",
                        family.get().kkNumber().value(), head.fullName(), head.nik().value(),
                        clock.instant().plus(Duration.ofMinutes(5))));
                queued++;
            }
        }
        log.info("Demo signing: {} family cards queued for the Kepala Dinas", queued);
    }
}

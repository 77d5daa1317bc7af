package id.dukcapil.portal.signing.demo;

import id.dukcapil.portal.signing.Certificates;
import id.dukcapil.portal.signing.SigningQueue;
import id.dukcapil.portal.signing.SigningRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.shared.Acting;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.signing.internal.CertificateStore;
import id.dukcapil.portal.signing.demo.DemoCertificateAuthority;
import id.dukcapil.portal.signing.internal.SigningProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The demo profile's first start: a demo CA issues the Kepala Dinas's signing certificate (passphrase in the
 * README), and a few families' cards wait in the queue so the HEAD has something to sign. Runs after the demo
 * population is generated, and only while no certificate exists.
 */
@Component
@Profile("demo")
class DemoSigning {

    private static final Logger log = LoggerFactory.getLogger(DemoSigning.class);
    /** The demo Kepala Dinas (staff's demo user "kadis"). */
    static final String HEAD_NAME = "Dr. H. Asep Sukmana, M.Si.";
    static final String HEAD_POSITION = "Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bandung";
    static final String HEAD_NIP = "197203151998031004";
    static final String SOURCE_TYPE = "DEMO";

    private final Certificates certificates;
    private final CertificateStore certificateStore;
    private final SigningQueue queue;
    private final PopulationRegistry registry;
    private final SigningProperties properties;
    private final int queuedCards;
    private final UserDetailsService users;
    private final Clock clock;

    /** @param queuedCards family cards queued at the first start: six to look at, hundreds for the crash suite */
    DemoSigning(Certificates certificates, CertificateStore certificateStore, SigningQueue queue,
                PopulationRegistry registry, SigningProperties properties,
                @Value("${portal.signing.demo-queued-cards:6}") int queuedCards, UserDetailsService users,
                Clock clock) {
        this.queuedCards = queuedCards;
        this.users = users;
        this.certificates = certificates;
        this.certificateStore = certificateStore;
        this.queue = queue;
        this.registry = registry;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void firstStart() {
        if (!certificateStore.all().isEmpty() || properties.demoPassphrase().isBlank()) {
            return;
        }
        Instant now = clock.instant();
        DemoCertificateAuthority ca = new DemoCertificateAuthority(now);
        byte[] pkcs12 = ca.issuePkcs12(HEAD_NAME, properties.demoPassphrase().toCharArray(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(2 * 365)));
        // Uploaded as the demo ADMIN would, through the guarded service (the demo users exist by now).
        Acting.as(Acting.signedIn(users, "admin"), () -> certificates.upload(pkcs12,
                properties.demoPassphrase().toCharArray(), HEAD_POSITION, HEAD_NIP));
        int queued = 0;
        for (long familyId = 1; queued < queuedCards && familyId <= 10L * queuedCards; familyId++) {
            Optional<Family> family = registry.findFamily(familyId);
            if (family.isPresent() && family.get().head().isPresent() && family.get().members().stream()
                    .allMatch(member -> member.nikDisagreements().isEmpty())) {
                queue.submit(new SigningRequest(SOURCE_TYPE, "DEMO-KK-" + familyId, family.get().kkNumber()));
                queued++;
            }
        }
        log.info("Demo signing: certificate for {} issued by the demo CA, {} family cards queued", HEAD_NAME, queued);
    }
}

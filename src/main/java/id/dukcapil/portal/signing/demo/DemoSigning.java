package id.dukcapil.portal.signing.demo;

import id.dukcapil.portal.shared.Acting;
import id.dukcapil.portal.shared.tx.DemoDataFill;
import id.dukcapil.portal.shared.tx.FirstStart;
import id.dukcapil.portal.signing.Certificates;
import id.dukcapil.portal.signing.internal.SigningCertificateRepository;
import id.dukcapil.portal.signing.internal.SigningProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The demo profile's first start: a demo CA issues the Kepala Dinas's signing certificate (passphrase in the
 * README), only while no certificate exists. The cards waiting for it are kkprint's demo (its own documents).
 */
@Component
@Profile("demo")
class DemoSigning {

    private static final Logger log = LoggerFactory.getLogger(DemoSigning.class);
    /** The demo Kepala Dinas (staff's demo user "kadis"). */
    static final String HEAD_NAME = "Dr. H. Asep Sukmana, M.Si.";
    static final String HEAD_POSITION = "Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bandung";
    static final String HEAD_NIP = "197203151998031004";

    private final Certificates certificates;
    private final SigningCertificateRepository certificateStore;
    private final SigningProperties properties;
    private final UserDetailsService users;
    private final Clock clock;
    private final FirstStart firstStart;

    DemoSigning(FirstStart firstStart,
                Certificates certificates, SigningCertificateRepository certificateStore, SigningProperties properties,
                UserDetailsService users, Clock clock) {
        this.firstStart = firstStart;
        this.certificates = certificates;
        this.certificateStore = certificateStore;
        this.properties = properties;
        this.users = users;
        this.clock = clock;
    }

    @EventListener(DemoDataFill.class)
    @Order(DemoDataFill.SIGNING_CERTIFICATE)
    void firstStart() {
        firstStart.exclusively("demo signing certificate", this::makeCertificates);
    }

    private void makeCertificates() {
        if (certificateStore.count() > 0 || properties.demoPassphrase().isBlank()) {
            return;
        }
        Instant now = clock.instant();
        DemoCertificateAuthority ca = new DemoCertificateAuthority(now);
        byte[] pkcs12 = ca.issuePkcs12(HEAD_NAME, properties.demoPassphrase().toCharArray(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(2 * 365)));
        // Uploaded as the demo ADMIN would, through the guarded service (the demo users exist by now).
        Acting.as(Acting.signedIn(users, "admin"), () -> certificates.upload(pkcs12,
                properties.demoPassphrase().toCharArray(), HEAD_POSITION, HEAD_NIP));
        log.info("Demo signing: certificate for {} issued by the demo CA", HEAD_NAME);
    }
}

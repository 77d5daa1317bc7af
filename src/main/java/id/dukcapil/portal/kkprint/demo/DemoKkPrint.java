package id.dukcapil.portal.kkprint.demo;

import id.dukcapil.portal.kkprint.internal.ApiClientEntity;
import id.dukcapil.portal.kkprint.internal.ApiClientRepository;
import static id.dukcapil.portal.shared.Acting.as;
import static id.dukcapil.portal.shared.Acting.signedIn;

import id.dukcapil.portal.kkprint.ApiClient;
import id.dukcapil.portal.kkprint.InboxFilter;
import id.dukcapil.portal.kkprint.IntakeForm;
import id.dukcapil.portal.kkprint.KkDelivery;
import id.dukcapil.portal.kkprint.KkPrintIntake;
import id.dukcapil.portal.kkprint.KkPrintReason;
import id.dukcapil.portal.kkprint.KkRequests;
import id.dukcapil.portal.kkprint.OperatorInbox;
import id.dukcapil.portal.kkprint.SubmittedRequest;
import id.dukcapil.portal.kkprint.VerifierInbox;
import id.dukcapil.portal.kkprint.api.ApiClientAuthentication;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Relationship;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.tx.DemoDataFill;
import id.dukcapil.portal.shared.tx.FirstStart;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import id.dukcapil.portal.signing.BatchSigning;
import id.dukcapil.portal.signing.QueuedDocument;
import id.dukcapil.portal.signing.SigningQueue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo profile: the fixed demo keys of the IKD gateway and one ADM kiosk (README), and, on a first start, requests
 * in every state up to DELIVERED and REVOKED, made through the same services the officers use. PRINTED and
 * EXPIRED come from the kiosk API (demo kiosk key) and from time.
 */
@Component
@Profile("demo")
class DemoKkPrint {

    /** Demo profile only; listed in the README. The gateway key is portal.demo.ikd-gateway-key (the demo IKD app). */
    static final String DEMO_KIOSK_KEY = "adm_demo_kiosk_2026_soreang";

    private static final Logger log = LoggerFactory.getLogger(DemoKkPrint.class);
    private static final int FAMILIES = 17;
    /** Requests 14–16 are signed by the demo Kepala Dinas once the signing demo has its certificate. */
    private static final int FIRST_SIGNED = 14;

    private final ApiClientRepository clients;
    private final PopulationRegistry registry;
    /** The demo's requests come from no network: they name the right NIK and KK, so they never count as guesses. */
    private static final String DEMO_CLIENT = "demo";
    private final KkPrintIntake intake;
    private final OperatorInbox operatorInbox;
    private final KkRequests requests;
    private final DemoCards demoCards;
    private final VerifierInbox verifierInbox;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final SigningQueue signingQueue;
    private final BatchSigning batchSigning;
    private final KkDelivery delivery;
    private final String headPassphrase;
    private final String gatewayKey;
    private final Clock clock;
    private final FirstStart firstStart;
    private volatile List<String> toSign = List.of();

    DemoKkPrint(FirstStart firstStart,
                ApiClientRepository clients, PopulationRegistry registry, KkPrintIntake intake, OperatorInbox operatorInbox,
                KkRequests requests, DemoCards demoCards,
                VerifierInbox verifierInbox, UserDetailsService users, JdbcClient jdbc, SigningQueue signingQueue,
                BatchSigning batchSigning, KkDelivery delivery,
                @Value("${portal.signing.demo-passphrase:}") String headPassphrase,
                @Value("${portal.demo.ikd-gateway-key}") String gatewayKey, Clock clock) {
        this.firstStart = firstStart;
        this.clients = clients;
        this.registry = registry;
        this.intake = intake;
        this.operatorInbox = operatorInbox;
        this.requests = requests;
        this.demoCards = demoCards;
        this.verifierInbox = verifierInbox;
        this.users = users;
        this.jdbc = jdbc;
        this.signingQueue = signingQueue;
        this.batchSigning = batchSigning;
        this.delivery = delivery;
        this.headPassphrase = headPassphrase;
        this.gatewayKey = gatewayKey;
        this.clock = clock;
    }

    @EventListener(DemoDataFill.class)
    @Order(DemoDataFill.KK_PRINT_REQUESTS)
    void fill() {
        firstStart.exclusively("demo KK print requests", this::fillRequests);
    }

    private void fillRequests() {
        if (!clients.exists(gatewayKey)) {
            clients.save(new ApiClientEntity(ApiClient.Kind.GATEWAY, "IKD gateway (demo)", null, gatewayKey,
                    clock.instant(), "demo"));
            clients.save(new ApiClientEntity(ApiClient.Kind.KIOSK, "ADM Soreang (demo)", "Kantor Disdukcapil, Soreang",
                    DEMO_KIOSK_KEY, clock.instant(), "demo"));
        }
        if (jdbc.sql("SELECT COUNT(*) FROM kkprint_request").query(Integer.class).single() > 0) {
            return;
        }
        demoCards.queueAtFirstStart();
        List<Resident> requesters = requesters();
        if (requesters.size() < FAMILIES) {
            log.info("Demo KK print requests skipped: {} eligible requesters with e-mail", requesters.size());
            return;
        }
        ApiClient gateway = clients.authenticate(gatewayKey).orElseThrow();
        KkPrintReason[] reasons = KkPrintReason.values();
        List<SubmittedRequest> submitted = new ArrayList<>();
        for (int i = 0; i < FAMILIES; i++) {
            Resident requester = requesters.get(i);
            Family family = registry.findFamily(requester.familyId()).orElseThrow();
            IntakeForm form = new IntakeForm(requester.nik().value(), family.kkNumber().value(),
                    reasons[i % reasons.length].name(), "Permohonan demo " + (i + 1), null);
            submitted.add(as(new ApiClientAuthentication(gateway), () -> intake.submit(form, DEMO_CLIENT)));
        }
        Map<String, Long> ids = new LinkedHashMap<>();
        as(staff("operator"), () -> {
            requests.operatorInbox(InboxFilter.empty(), PageRequest.of(0, 50))
                    .forEach(row -> ids.put(row.trackingNumber(), row.id()));
            return null;
        });
        // 0–3 stay SUBMITTED; 4–5 IN_CHECK; 6 RETURNED; 7–16 forwarded, of which 11 rejected, 12 sent back to the
        // operator, 13 verified (waiting in the Kepala Dinas's queue), 14–16 verified and signed below.
        as(staff("operator"), () -> {
            for (int i = 4; i < FAMILIES; i++) {
                operatorInbox.claim(ids.get(submitted.get(i).trackingNumber()));
            }
            operatorInbox.returnToCitizen(ids.get(submitted.get(6).trackingNumber()),
                    "Keterangan tidak sesuai dengan alasan perubahan; lampirkan akta kelahiran.");
            for (int i = 7; i < FAMILIES; i++) {
                operatorInbox.forward(ids.get(submitted.get(i).trackingNumber()));
            }
            return null;
        });
        as(staff("verifikator"), () -> {
            verifierInbox.reject(ids.get(submitted.get(11).trackingNumber()), "Data anggota keluarga ganda.", true);
            verifierInbox.reject(ids.get(submitted.get(12).trackingNumber()), "Periksa kembali alasan perubahan.", false);
            for (int i = 13; i < FAMILIES; i++) {
                verifierInbox.verify(ids.get(submitted.get(i).trackingNumber()));
            }
            return null;
        });
        toSign = submitted.subList(FIRST_SIGNED, FAMILIES).stream().map(SubmittedRequest::trackingNumber).toList();
        log.info("Demo KK print requests: {} in the inboxes", submitted.size());
    }

    /**
     * After the signing demo's certificate is made: the demo Kepala Dinas signs three cards (delivered: QR code and
     * PIN in the demo mailbox) and one is revoked.
     */
    @EventListener(DemoDataFill.class)
    @Order(DemoDataFill.WORK_ON_IT)
    void signSome() {
        if (toSign.isEmpty() || headPassphrase.isBlank()) {
            return;
        }
        List<String> tracking = toSign;
        toSign = List.of();
        try {
            as(staff("kadis"), () -> {
                List<Long> documents = signingQueue.queue(PageRequest.of(0, 100)).stream()
                        .filter(document -> tracking.contains(document.sourceId())).map(QueuedDocument::id).toList();
                return batchSigning.start(documents, headPassphrase.toCharArray()).completion().get(2, TimeUnit.MINUTES);
            });
            long revoked = jdbc.sql("SELECT id FROM kkprint_request WHERE tracking_number = ?").param(tracking.getLast())
                    .query(Long.class).single();
            // The signed event reaches kkprint after the signing commit, on the event publication's own thread.
            for (int wait = 0; wait < 150 && !"DELIVERED".equals(jdbc.sql("SELECT state FROM kkprint_request WHERE id = ?")
                    .param(revoked).query(String.class).single()); wait++) {
                Thread.sleep(200);
            }
            as(staff("operator"), () -> {
                delivery.revoke(revoked, "Dicetak ulang atas permintaan pemohon (demo).");
                return null;
            });
            log.info("Demo KK print requests: {} signed by the demo Kepala Dinas and delivered, one of them revoked",
                    tracking.size());
        } catch (RuntimeException e) {
            log.warn("Demo KK print signatures skipped: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Resident> requesters() {
        List<Resident> found = new ArrayList<>();
        for (char letter = 'A'; letter <= 'Z' && found.size() < FAMILIES; letter++) {
            for (Resident resident : registry.findByName(String.valueOf(letter), PageRequest.of(0, 200))) {
                if (resident.relationship() == Relationship.HEAD && resident.email() != null
                        && found.stream().noneMatch(other -> other.familyId().equals(resident.familyId()))) {
                    found.add(resident);
                }
            }
        }
        return found;
    }

    private Authentication staff(String username) {
        return signedIn(users, username);
    }
}

package id.dukcapil.portal.kkprint.internal;

import id.dukcapil.portal.kkprint.ApiClient;
import id.dukcapil.portal.kkprint.InboxFilter;
import id.dukcapil.portal.kkprint.IntakeForm;
import id.dukcapil.portal.kkprint.KkPrintIntake;
import id.dukcapil.portal.kkprint.KkPrintReason;
import id.dukcapil.portal.kkprint.OperatorInbox;
import id.dukcapil.portal.kkprint.SubmittedRequest;
import id.dukcapil.portal.kkprint.VerifierInbox;
import id.dukcapil.portal.kkprint.api.ApiClientAuthentication;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Relationship;
import id.dukcapil.portal.population.Resident;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo profile: the fixed demo keys of the IKD gateway and one ADM kiosk (README), and, on a first start, requests
 * in the inboxes in each state the portal can reach on its own, made through the same services the officers use.
 */
@Component
@Profile("demo")
class DemoKkPrint {

    /** Demo profile only; listed in the README. */
    static final String DEMO_GATEWAY_KEY = "ikd_demo_gateway_2026_kab_bandung";
    static final String DEMO_KIOSK_KEY = "adm_demo_kiosk_2026_soreang";

    private static final Logger log = LoggerFactory.getLogger(DemoKkPrint.class);
    private static final int FAMILIES = 14;

    private final ApiClientStore clients;
    private final PopulationRegistry registry;
    private final KkPrintIntake intake;
    private final OperatorInbox operatorInbox;
    private final VerifierInbox verifierInbox;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoKkPrint(ApiClientStore clients, PopulationRegistry registry, KkPrintIntake intake, OperatorInbox operatorInbox,
                VerifierInbox verifierInbox, UserDetailsService users, JdbcClient jdbc, Clock clock) {
        this.clients = clients;
        this.registry = registry;
        this.intake = intake;
        this.operatorInbox = operatorInbox;
        this.verifierInbox = verifierInbox;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void fill() {
        if (!clients.exists(DEMO_GATEWAY_KEY)) {
            clients.insert(ApiClient.Kind.GATEWAY, "IKD gateway (demo)", null, DEMO_GATEWAY_KEY, clock.instant(), "demo");
            clients.insert(ApiClient.Kind.KIOSK, "ADM Soreang (demo)", "Kantor Disdukcapil, Soreang", DEMO_KIOSK_KEY,
                    clock.instant(), "demo");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM kkprint_request").query(Integer.class).single() > 0) {
            return;
        }
        List<Resident> requesters = requesters();
        if (requesters.size() < FAMILIES) {
            log.info("Demo KK print requests skipped: {} eligible requesters with e-mail", requesters.size());
            return;
        }
        ApiClient gateway = clients.authenticate(DEMO_GATEWAY_KEY).orElseThrow();
        KkPrintReason[] reasons = KkPrintReason.values();
        List<SubmittedRequest> submitted = new ArrayList<>();
        for (int i = 0; i < FAMILIES; i++) {
            Resident requester = requesters.get(i);
            Family family = registry.findFamily(requester.familyId()).orElseThrow();
            IntakeForm form = new IntakeForm(requester.nik().value(), family.kkNumber().value(),
                    reasons[i % reasons.length].name(), "Permohonan demo " + (i + 1), null);
            submitted.add(as(new ApiClientAuthentication(gateway), () -> intake.submit(form)));
        }
        Map<String, Long> ids = new LinkedHashMap<>();
        as(staff("operator"), () -> {
            operatorInbox.page(InboxFilter.empty(), PageRequest.of(0, 50))
                    .forEach(row -> ids.put(row.trackingNumber(), row.id()));
            return null;
        });
        // 0–3 stay SUBMITTED; 4–5 IN_CHECK; 6 RETURNED; 7–13 forwarded, of which 11 rejected, 12 sent back, 13 verified.
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
            verifierInbox.verify(ids.get(submitted.get(13).trackingNumber()));
            return null;
        });
        log.info("Demo KK print requests: {} in the inboxes", submitted.size());
    }

    private List<Resident> requesters() {
        List<Resident> found = new ArrayList<>();
        for (char letter = 'A'; letter <= 'Z' && found.size() < FAMILIES; letter++) {
            for (Resident resident : registry.findByName(String.valueOf(letter), PageRequest.of(0, 200))) {
                if (resident.relationship() == Relationship.HEAD && resident.email() != null
                        && found.stream().noneMatch(other -> other.familyId() == resident.familyId())) {
                    found.add(resident);
                }
            }
        }
        return found;
    }

    private Authentication staff(String username) {
        UserDetails user = users.loadUserByUsername(username);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    private static <T> T as(Authentication authentication, Supplier<T> action) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}

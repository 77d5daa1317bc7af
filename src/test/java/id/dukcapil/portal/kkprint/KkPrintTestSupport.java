package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.kkprint.api.ApiClientAuthentication;
import id.dukcapil.portal.kkprint.internal.ApiClientRepository;
import static org.awaitility.Awaitility.await;

import id.dukcapil.portal.shared.Acting;
import id.dukcapil.portal.signing.BatchSigning;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Drives KK print requests through their states for tests, each step as the officer who takes it. */
@TestComponent
public class KkPrintTestSupport {

    /** The demo profile's fixed keys (README). */
    public static final String GATEWAY_KEY = "ikd_demo_gateway_2026_kab_bandung";
    /** The address the service-level tests submit from; their requests name right NIKs and KK numbers. */
    public static final String CLIENT = "192.0.2.1";
    public static final String KIOSK_KEY = "adm_demo_kiosk_2026_soreang";
    /** The demo Kepala Dinas's signing passphrase (application-demo.yaml). */
    static final String HEAD_PASSPHRASE = "TTE-Kadis-2026";
    private static final Pattern PIN = Pattern.compile("PIN: (\\d{6})");
    private static final Pattern REFERENCE = Pattern.compile("(KKPRINT:[A-Za-z0-9_-]+)");

    private final JdbcTemplate jdbc;
    private final UserDetailsService users;
    private final ApiClientRepository clients;
    private final KkPrintIntake intake;
    private final OperatorInbox operatorInbox;
    private final VerifierInbox verifierInbox;
    private final BatchSigning signing;

    KkPrintTestSupport(JdbcTemplate jdbc, UserDetailsService users, ApiClientRepository clients, KkPrintIntake intake,
                       OperatorInbox operatorInbox, VerifierInbox verifierInbox, BatchSigning signing) {
        this.jdbc = jdbc;
        this.users = users;
        this.clients = clients;
        this.intake = intake;
        this.operatorInbox = operatorInbox;
        this.verifierInbox = verifierInbox;
        this.signing = signing;
    }

    /**
     * A family head with an e-mail whose card has no request yet, at least one other member (tests mark one) and no
     * member with a duplicate record.
     */
    public Map<String, Object> freshHead() {
        return jdbc.queryForMap("""
                SELECT r.nik, f.kk_number, r.email, r.full_name FROM population_resident r
                JOIN population_family f ON f.id = r.family_id
                WHERE r.relationship = 'HEAD' AND r.email IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM kkprint_request k WHERE k.kk_number = f.kk_number)
                  AND NOT EXISTS (SELECT 1 FROM population_resident d WHERE d.family_id = f.id
                                  AND d.enrolment_status = 'DUPLICATE_RECORD')
                  AND EXISTS (SELECT 1 FROM population_resident m WHERE m.family_id = f.id
                              AND m.relationship <> 'HEAD')
                ORDER BY r.id LIMIT 1""");
    }

    public ApiClient gateway() {
        return clients.authenticate(GATEWAY_KEY).orElseThrow();
    }

    public ApiClient kiosk() {
        return clients.authenticate(KIOSK_KEY).orElseThrow();
    }

    public long idOf(String trackingNumber) {
        return jdbc.queryForObject("SELECT id FROM kkprint_request WHERE tracking_number = ?", Long.class,
                trackingNumber);
    }

    public RequestState stateOf(String trackingNumber) {
        return RequestState.valueOf(jdbc.queryForObject("SELECT state FROM kkprint_request WHERE tracking_number = ?",
                String.class, trackingNumber));
    }

    /** A new request from a fresh family, submitted through the gateway. */
    public String submitted() {
        Map<String, Object> head = freshHead();
        return as(new ApiClientAuthentication(gateway()), () -> intake.submit(new IntakeForm((String) head.get("nik"),
                (String) head.get("kk_number"), KkPrintReason.BIRTH.name(), "Kelahiran anak ketiga", null), CLIENT))
                .trackingNumber();
    }

    /** As {@link #submitted()}, from an IKD account with this phone that chose this channel for the news. */
    public String submitted(String phone, String channel) {
        Map<String, Object> head = freshHead();
        return as(new ApiClientAuthentication(gateway()), () -> intake.submit(new IntakeForm((String) head.get("nik"),
                (String) head.get("kk_number"), KkPrintReason.BIRTH.name(), "Kelahiran anak ketiga", null, phone,
                channel), CLIENT)).trackingNumber();
    }

    /** The request taken by the operator (step 6 starts). */
    public String claimed(String tracking) {
        asStaff("operator", () -> {
            operatorInbox.claim(idOf(tracking));
            return null;
        });
        return tracking;
    }

    public String forwarded() {
        return forwarded(submitted());
    }

    public String forwarded(String tracking) {
        long id = idOf(tracking);
        asStaff("operator", () -> {
            operatorInbox.claim(id);
            operatorInbox.forward(id);
            return null;
        });
        return tracking;
    }

    public String delivered() {
        return delivered(forwarded());
    }

    /** A forwarded request verified and signed, its QR code and PIN queued. */
    public String delivered(String tracking) {
        asStaff("verifikator", () -> {
            verifierInbox.verify(idOf(tracking));
            return null;
        });
        sign(tracking);
        return tracking;
    }

    /** The signing module's queue entry for the request. */
    public List<Long> signingDocuments(String trackingNumber) {
        return jdbc.queryForList("SELECT id FROM signing_document WHERE source_type = 'KK_PRINT_REQUEST' AND source_id = ?",
                Long.class, trackingNumber);
    }

    /** The Kepala Dinas ("kadis") signs it in the signing module; waits until kkprint has delivered it. */
    public void sign(String trackingNumber) {
        List<Long> documents = signingDocuments(trackingNumber);
        asStaff("kadis", () -> signing.start(documents, HEAD_PASSPHRASE.toCharArray()));
        await().atMost(Duration.ofSeconds(60)).until(() -> stateOf(trackingNumber) == RequestState.DELIVERED);
    }

    /** The PIN and QR reference of the latest delivery e-mail of the request, as the citizen receives it. */
    public String[] pinAndReference(String trackingNumber) {
        String messageId = jdbc.queryForObject("""
                SELECT message_id FROM notification_message WHERE template_key = 'kkprint-delivered' AND body LIKE ?
                ORDER BY id DESC LIMIT 1""", String.class, "%" + trackingNumber + "%");
        String body = id.dukcapil.portal.notification.TestMailServer.awaitText(messageId);
        Matcher pin = PIN.matcher(body);
        Matcher reference = REFERENCE.matcher(body);
        if (!pin.find() || !reference.find()) {
            throw new IllegalStateException("No PIN or reference in " + body);
        }
        return new String[] {pin.group(1), reference.group(1)};
    }

    public <T> T asStaff(String username, Supplier<T> action) {
        UserDetails user = users.loadUserByUsername(username);
        return as(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()), action);
    }

    public <T> T asKiosk(Supplier<T> action) {
        return as(new ApiClientAuthentication(kiosk()), action);
    }

    public static <T> T as(Authentication authentication, Supplier<T> action) {
        return Acting.as(authentication, action::get);
    }
}

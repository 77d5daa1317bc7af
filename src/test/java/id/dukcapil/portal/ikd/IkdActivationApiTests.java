package id.dukcapil.portal.ikd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.kkprint.KkPrintTestSupport;
import id.dukcapil.portal.notification.TestMailServer;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.StaffAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SOP E through the gateway API, as the IKD app drives it, with the demo gateway key and the officer's desk beside
 * it: registration, a failed face check and a retry, the officer's QR code, the scan, the PIN read from the e-mail,
 * the activation, the archive; then every refusal with its code.
 */
@PortalTest
class IkdActivationApiTests {

    private static final String POINT = "MPP-SOREANG";
    private static final Pattern PIN = Pattern.compile("PIN aktivasi IKD Anda: (\\d{6})");

    @LocalServerPort int port;
    @Autowired IkdDesk desk;
    @Autowired UserDetailsService users;
    @Autowired StaffAccounts staffAccounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_citizen_activates_the_digital_id_from_registration_to_the_officers_archive() throws Exception {
        String nik = residentWithPrintedCard();
        HttpResponse<String> registered = post("", """
                {"nik":"%s","email":"warga.ikd@contoh.id","phone":"081234567890","servicePoint":"%s"}""".formatted(nik, POINT));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String code = json.readTree(registered.body()).get("code").asString();
        assertThat(json.readTree(registered.body()).get("maskedNik").asString()).doesNotContain(nik);

        assertThat(state(post("/" + code + "/face-check", "{\"passed\":false,\"score\":0.41}"))).isEqualTo("FACE_FAILED");
        assertThat(state(post("/" + code + "/face-check", "{\"passed\":true,\"score\":0.93}"))).isEqualTo("FACE_PASSED");
        assertThat(SignedInAs.call(users, "ikd", desk::waiting)).extracting(Registration::code).contains(code);

        IkdDesk.ActivationQr qr = SignedInAs.call(users, "ikd", () -> desk.showQr(code));
        assertThat(state(post("/" + code + "/scan", "{\"qr\":\"%s\"}".formatted(qr.content())))).isEqualTo("PIN_SENT");
        assertProblem(post("/" + code + "/scan", "{\"qr\":\"%s\"}".formatted(qr.content())), 403, "QR_INVALID");

        String pin = pinFromTheEmail(code);
        assertProblem(post("/" + code + "/activate", "{\"pin\":\"12ab\"}"), 422, "MALFORMED_PIN");
        String wrong = pin.equals("000000") ? "111111" : "000000";
        assertProblem(post("/" + code + "/activate", "{\"pin\":\"%s\"}".formatted(wrong)), 403, "WRONG_PIN");
        assertThat(state(post("/" + code + "/activate", "{\"pin\":\"%s\"}".formatted(pin)))).isEqualTo("ACTIVATED");

        SignedInAs.run(users, "ikd", () -> desk.archive(code));
        assertThat(jdbc.queryForList("SELECT step FROM sla_step WHERE case_id = ? AND ended_at IS NOT NULL ORDER BY id",
                String.class, code)).containsExactly("E3_SELFIE", "E4_SCAN_ACTIVATION_QR", "E5_PIN_EMAIL_ACTIVATE",
                "E6_ARCHIVE_AND_REPORT");
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE subject_id = ? ORDER BY seq", String.class, code))
                .containsExactly("ikd.registered", "ikd.face-checked", "ikd.face-checked", "ikd.qr-shown",
                        "ikd.qr-scanned", "ikd.pin-wrong", "ikd.activated", "ikd.archived");
        assertThat(jdbc.queryForObject("SELECT body FROM notification_message WHERE reference = ?", String.class, code))
                .as("the PIN is never kept readable").doesNotContain(pin);
        assertProblem(post("", """
                {"nik":"%s","email":"warga.ikd@contoh.id","phone":"081234567890","servicePoint":"%s"}""".formatted(nik, POINT)),
                409, "ALREADY_ACTIVATED");
    }

    @Test
    void every_refusal_of_a_registration_has_its_code() throws Exception {
        String nik = residentWithPrintedCard();
        String body = "{\"nik\":\"%s\",\"email\":\"%s\",\"phone\":\"%s\",\"servicePoint\":\"%s\"}";
        assertProblem(post("", body.formatted("1234", "a@contoh.id", "081234567890", POINT)), 422, "INVALID_NIK");
        assertProblem(post("", body.formatted(nik, "a@@contoh.id", "081234567890", POINT)), 422, "INVALID_EMAIL");
        assertProblem(post("", body.formatted(nik, "a@contoh.id", "12345", POINT)), 422, "INVALID_PHONE");
        assertProblem(post("", body.formatted(nik, "a@contoh.id", "081234567890", "NOWHERE")), 404, "UNKNOWN_SERVICE_POINT");
        assertProblem(post("", body.formatted(residentWithoutCard(), "a@contoh.id", "081234567890", POINT)), 409,
                "NO_PRINTED_CARD");
        assertThat(post("", body.formatted(nik, "a@contoh.id", "081234567890", POINT)).statusCode()).isEqualTo(201);
        assertProblem(post("", body.formatted(nik, "a@contoh.id", "081234567890", POINT)), 409, "REGISTRATION_OPEN");
        assertProblem(get("/IKDNOSUCHONE"), 404, "REGISTRATION_NOT_FOUND");
    }

    @Test
    void three_failed_face_checks_leave_it_to_the_officer_who_may_refer_the_citizen() throws Exception {
        String code = registered();
        for (int i = 0; i < Activations.MAX_FACE_ATTEMPTS; i++) {
            post("/" + code + "/face-check", "{\"passed\":false,\"score\":0.2}");
        }
        assertProblem(post("/" + code + "/face-check", "{\"passed\":true,\"score\":0.9}"), 409, "FACE_CHECK_EXHAUSTED");
        SignedInAs.run(users, "ikd", () -> desk.refer(code));
        assertThat(state(get("/" + code))).isEqualTo("REFERRED");
    }

    @Test
    void a_qr_code_expires_after_three_minutes_and_the_screen_shows_a_new_one() throws Exception {
        String code = facePassed();
        IkdDesk.ActivationQr old = SignedInAs.call(users, "ikd", () -> desk.showQr(code));
        clock.setInstant(old.expiresAt().plusSeconds(1));
        assertProblem(post("/" + code + "/scan", "{\"qr\":\"%s\"}".formatted(old.content())), 410, "QR_EXPIRED");
        IkdDesk.ActivationQr fresh = SignedInAs.call(users, "ikd", () -> desk.showQr(code));
        assertProblem(post("/" + code + "/scan", "{\"qr\":\"%s\"}".formatted(old.content())), 403, "QR_INVALID");
        assertThat(state(post("/" + code + "/scan", "{\"qr\":\"%s\"}".formatted(fresh.content())))).isEqualTo("PIN_SENT");
    }

    @Test
    void five_wrong_pins_lock_the_activation_even_against_the_right_pin() throws Exception {
        String code = facePassed();
        IkdDesk.ActivationQr qr = SignedInAs.call(users, "ikd", () -> desk.showQr(code));
        post("/" + code + "/scan", "{\"qr\":\"%s\"}".formatted(qr.content()));
        String pin = pinFromTheEmail(code);
        String wrong = pin.equals("000000") ? "111111" : "000000";
        for (int i = 1; i < Activations.MAX_WRONG_PINS; i++) {
            assertProblem(post("/" + code + "/activate", "{\"pin\":\"%s\"}".formatted(wrong)), 403, "WRONG_PIN");
        }
        assertProblem(post("/" + code + "/activate", "{\"pin\":\"%s\"}".formatted(wrong)), 423, "PIN_LOCKED");
        assertProblem(post("/" + code + "/activate", "{\"pin\":\"%s\"}".formatted(pin)), 423, "PIN_LOCKED");
    }

    @Test
    void an_officer_sees_and_acts_only_on_the_registrations_of_their_own_service_point() throws Exception {
        String code = facePassed();
        String dinasOfficer = staffAccounts.create(Set.of(Role.IKD_OFFICER), "Sandi-Kuat-2026");
        assertThat(SignedInAs.call(users, dinasOfficer, desk::waiting)).extracting(Registration::code).doesNotContain(code);
        assertThatThrownBy(() -> SignedInAs.call(users, dinasOfficer, () -> desk.showQr(code)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("ikd.desk.other-point");
        assertThat(SignedInAs.call(users, "ikd", desk::waiting)).extracting(Registration::code).contains(code);
    }

    private String registered() throws Exception {
        HttpResponse<String> answer = post("", """
                {"nik":"%s","email":"warga.ikd@contoh.id","phone":"+6281234567890","servicePoint":"%s"}"""
                .formatted(residentWithPrintedCard(), POINT));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return json.readTree(answer.body()).get("code").asString();
    }

    private String facePassed() throws Exception {
        String code = registered();
        assertThat(state(post("/" + code + "/face-check", "{\"passed\":true,\"score\":0.95}"))).isEqualTo("FACE_PASSED");
        return code;
    }

    private String pinFromTheEmail(String code) {
        String messageId = jdbc.queryForObject(
                "SELECT message_id FROM notification_message WHERE template_key = 'ikd-pin' AND reference = ?",
                String.class, code);
        String body = TestMailServer.awaitText(messageId);
        Matcher pin = PIN.matcher(body);
        assertThat(pin.find()).as(body).isTrue();
        return pin.group(1);
    }

    /** A resident with a printed card and no IKD registration yet: each call a new one. */
    private String residentWithPrintedCard() {
        List<String> niks = jdbc.queryForList("""
                SELECT r.nik FROM population_resident r
                WHERE EXISTS (SELECT 1 FROM population_card_print c WHERE c.resident_id = r.id)
                AND NOT EXISTS (SELECT 1 FROM ikd_registration i WHERE i.nik = r.nik)
                ORDER BY r.id DESC LIMIT 1""", String.class);
        assertThat(niks).isNotEmpty();
        return niks.getFirst();
    }

    private String residentWithoutCard() {
        return jdbc.queryForObject("""
                SELECT r.nik FROM population_resident r
                WHERE NOT EXISTS (SELECT 1 FROM population_card_print c WHERE c.resident_id = r.id)
                ORDER BY r.id DESC LIMIT 1""", String.class);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ikd/activations" + path))
                .header("X-Api-Key", KkPrintTestSupport.GATEWAY_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ikd/activations" + path))
                .header("X-Api-Key", KkPrintTestSupport.GATEWAY_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String state(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 201);
        return json.readTree(answer.body()).get("state").asString();
    }

    private void assertProblem(HttpResponse<String> answer, int status, String code) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .contains("application/problem+json"));
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.get("code").asString()).isEqualTo(code);
    }
}

package id.dukcapil.portal.schoolvisit.api;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.schoolvisit.OutpostBundle;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Kind;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Operation;
import id.dukcapil.portal.schoolvisit.OutpostPackage;
import id.dukcapil.portal.schoolvisit.OutpostScenes;
import id.dukcapil.portal.schoolvisit.Outposts;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.MyAccount;
import id.dukcapil.portal.staff.StaffAccounts;
import id.dukcapil.portal.staff.StaffAdministration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 53's API as an outpost node calls it, played here with the JDK's HttpClient: a field officer of the visit's
 * team checks the visit out with their own Dinas credentials and checks its signed bundle in, once however often it
 * arrives; every refusal a problem document in the caller's language, and wrong passwords locking the name as on the
 * sign-in page. Each test calls from a client address of its own (the demo profile believes loopback's
 * X-Forwarded-For), so that its failed sign-ins spend no other test's tries.
 */
@PortalTest
class OutpostApiTests {

    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger((int) (System.nanoTime() % 200));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired OutpostScenes outpostScenes;
    @Autowired BlankoStock blanko;
    @Autowired PopulationRegistry registry;
    @Autowired StaffAccounts staffAccounts;
    @Autowired StaffAdministration administration;
    @Autowired MyAccount myAccount;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    private final HttpClient http = HttpClient.newHttpClient();
    /** An address of TEST-NET-3 no other test uses (203.0.113.100 to .249): this test's failures are its own. */
    private final String client = "203.0.113." + (100 + NEXT_CLIENT.incrementAndGet() % 150);

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void the_teams_officer_checks_a_visit_out_and_its_bundle_in_over_http_and_the_same_bundle_again_changes_nothing()
            throws Exception {
        OutpostScenes.Scene scene = scenes().setOut(1, 1, 2);
        String officer = scene.officer();

        Answer out = post("/api/v1/outposts/visits/" + scene.visitId() + "/checkout", officer,
                OutpostScenes.PASSWORD, checkout("Laptop tim A"), "id");

        assertThat(out.status()).as(out.body()).isEqualTo(201);
        OutpostPackage sent = JSON.readValue(out.body(), OutpostPackage.class);
        assertThat(sent.outpost()).isEqualTo("Laptop tim A");
        assertThat(sent.checkedOutBy()).isEqualTo(officer);
        assertThat(sent.visit().id()).isEqualTo(scene.visitId());
        assertThat(sent.roster()).hasSize(2);
        assertThat(sent.cardsOut()).isEqualTo(2);
        assertThat(sent.secret()).matches("[0-9a-f]{64}");

        Answer again = post("/api/v1/outposts/visits/" + scene.visitId() + "/checkout", officer,
                OutpostScenes.PASSWORD, checkout("Laptop tim B"), "en");
        assertProblem(again, 409, "VISIT_OUT");
        assertThat(detail(again)).contains("taken to the field by " + officer, "(outpost Laptop tim A)");

        long recorded = idOf(sent, scene.notRecorded().getFirst());
        long printed = idOf(sent, scene.printReady().getFirst());
        Instant atSchool = clock.instant().plus(Duration.ofMinutes(20));
        OutpostBundle bundle = new OutpostBundle(sent.checkoutId(), 1, List.of(
                new Operation(UUID.randomUUID(), Kind.RECORDED, atSchool, officer, recorded, null),
                new Operation(UUID.randomUUID(), Kind.FOUND_RECORDED, atSchool.plusSeconds(60), officer, printed,
                        null),
                new Operation(UUID.randomUUID(), Kind.CARD_PRINTED, atSchool.plusSeconds(120), officer, printed,
                        "KTP-0001")));
        String signed = JSON.writeValueAsString(Map.of("bundle", bundle,
                "signature", Outposts.sign(bundle, sent.secret())));
        clock.advance(Duration.ofHours(4));

        Answer checkIn = post("/api/v1/outposts/checkins", officer, OutpostScenes.PASSWORD, signed, "id");

        assertThat(checkIn.status()).as(checkIn.body()).isEqualTo(200);
        JsonNode done = JSON.readTree(checkIn.body());
        assertThat(done.get("applied").asInt()).isEqualTo(3);
        assertThat(done.get("alreadyApplied").asInt()).isZero();
        assertThat(done.get("toReconcile").asInt()).isZero();
        assertThat(done.get("cardDifference").asInt()).as("1 used + 1 brought back = 2 out").isZero();
        assertThat(done.get("cards").asString()).startsWith("Blangko seimbang");
        assertThat(state(recorded)).isEqualTo("WAITING");
        assertThat(state(printed)).isEqualTo("PRINTED");
        assertThat(jdbc.queryForObject("SELECT state FROM schoolvisit_checkout WHERE id = ?", String.class,
                sent.checkoutId())).isEqualTo("BACK");

        Answer resent = post("/api/v1/outposts/checkins", officer, OutpostScenes.PASSWORD, signed, "en");

        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        JsonNode same = JSON.readTree(resent.body());
        assertThat(same.get("applied").asInt()).isZero();
        assertThat(same.get("alreadyApplied").asInt()).isEqualTo(3);
        assertThat(same.get("cards").asString()).startsWith("Blank cards balanced");
        assertThat(registry.cardHistory(Nik.of(scene.printReady().getFirst()[0]))).as("printed once").hasSize(1);
        assertThat(jdbc.queryForObject("SELECT cards_printed FROM schoolvisit_visit WHERE id = ?", Integer.class,
                scene.visitId())).isOne();
        // Every call in the log: the checkout, the check-in, and the bundle's second arrival that changed nothing.
        assertThat(audited("schoolvisit.visit.checked-out", scene.visitId())).isOne();
        assertThat(audited("schoolvisit.visit.checked-in", scene.visitId())).isOne();
        assertThat(audited("schoolvisit.visit.check-in-repeated", scene.visitId())).isOne();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM audit_entry WHERE action = 'schoolvisit.outpost-api.refused'
                AND subject_type = 'SchoolVisit' AND subject_id = ? AND detail LIKE '%VISIT_OUT%'""", Integer.class,
                String.valueOf(scene.visitId()))).as("the refused second checkout").isOne();
    }

    @Test
    void a_bundle_signed_wrong_or_naming_a_stranger_is_a_problem_in_the_callers_language_and_nothing_is_applied()
            throws Exception {
        OutpostScenes.Scene scene = scenes().setOut(1, 0, 0);
        OutpostPackage sent = JSON.readValue(post("/api/v1/outposts/visits/" + scene.visitId() + "/checkout",
                scene.officer(), OutpostScenes.PASSWORD, checkout("Laptop C"), "id").body(),
                OutpostPackage.class);
        long student = idOf(sent, scene.notRecorded().getFirst());
        OutpostBundle bundle = new OutpostBundle(sent.checkoutId(), 0, List.of(new Operation(UUID.randomUUID(),
                Kind.RECORDED, clock.instant(), scene.officer(), student, null)));
        String forged = JSON.writeValueAsString(Map.of("bundle", bundle,
                "signature", Outposts.sign(bundle, "00".repeat(32))));

        Answer english = post("/api/v1/outposts/checkins", scene.officer(), OutpostScenes.PASSWORD, forged, "en");
        Answer indonesian = post("/api/v1/outposts/checkins", scene.officer(), OutpostScenes.PASSWORD, forged, "id");

        assertProblem(english, 422, "BUNDLE_SIGNATURE_INVALID");
        assertThat(detail(english)).contains("signature does not match", "Nothing was applied");
        assertProblem(indonesian, 422, "BUNDLE_SIGNATURE_INVALID");
        assertThat(detail(indonesian)).contains("tanda tangannya tidak cocok");
        // Signed right, but its second operation names no student of the school: refused whole, not half applied.
        OutpostBundle stranger = new OutpostBundle(sent.checkoutId(), 0, List.of(bundle.operations().getFirst(),
                new Operation(UUID.randomUUID(), Kind.RECORDED, clock.instant(), scene.officer(), Long.MAX_VALUE,
                        null)));
        Answer strangers = post("/api/v1/outposts/checkins", scene.officer(), OutpostScenes.PASSWORD,
                JSON.writeValueAsString(Map.of("bundle", stranger, "signature", Outposts.sign(stranger,
                        sent.secret()))), "en");
        assertProblem(strangers, 422, "STUDENT_NOT_FOUND");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_outpost_operation WHERE checkout_id = ?",
                Integer.class, sent.checkoutId())).isZero();
        assertThat(state(student)).isEqualTo("ON_ROSTER");
        assertThat(jdbc.queryForObject("SELECT state FROM schoolvisit_checkout WHERE id = ?", String.class,
                sent.checkoutId())).isEqualTo("OUT");
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM audit_entry WHERE action = 'schoolvisit.outpost-api.refused'
                AND subject_type = 'OutpostCheckout' AND subject_id = ?""", Integer.class,
                String.valueOf(sent.checkoutId()))).isEqualTo(3);
    }

    @Test
    void only_a_field_officer_of_the_team_gets_in_and_wrong_passwords_lock_the_name_as_at_the_sign_in_page()
            throws Exception {
        OutpostScenes.Scene scene = scenes().setOut(1, 0, 0);
        String path = "/api/v1/outposts/visits/" + scene.visitId() + "/checkout";
        String body = checkout("Laptop D");

        Answer nobody = send(HttpRequest.newBuilder(uri(path)).header("X-Forwarded-For", client)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertProblem(nobody, 401, "UNAUTHORIZED");
        assertThat(nobody.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic"));
        assertProblem(post(path, scene.plannerName(), OutpostScenes.PASSWORD, body, "id"), 403, "FORBIDDEN");
        String stranger = staffAccounts.create(Set.of(Role.FIELD_OFFICER), OutpostScenes.PASSWORD);
        assertProblem(post(path, stranger, OutpostScenes.PASSWORD, body, "id"), 403, "NOT_IN_TEAM");
        assertProblem(post(path, scene.officer(), OutpostScenes.PASSWORD, "{\"outpost\":\"" + "x".repeat(61) + "\"}",
                "id"), 422, "INVALID_FIELD");
        assertProblem(post(path, scene.officer(), OutpostScenes.PASSWORD,
                "{\"outpost\":\"" + "x".repeat(70_000) + "\"}", "id"), 413, "CONTENT_TOO_LARGE");

        for (int wrong = 1; wrong <= 5; wrong++) {
            assertProblem(post(path, scene.officer(), "salah-" + wrong, body, "id"), 401, "UNAUTHORIZED");
        }
        Answer locked = post(path, scene.officer(), OutpostScenes.PASSWORD, body, "en");

        assertProblem(locked, 429, "SIGN_IN_LOCKED");
        assertThat(detail(locked)).contains("Too many failed sign-in attempts");
        assertThat(jdbc.queryForObject("SELECT locked_until IS NOT NULL FROM staff_account WHERE username = ?",
                Boolean.class, scene.officer())).as("the name locked for the sign-in page too").isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_checkout WHERE visit_id = ?", Integer.class,
                scene.visitId())).isZero();
    }

    @Test
    void an_officer_whose_password_an_admin_reset_is_refused_until_they_chose_their_own() throws Exception {
        OutpostScenes.Scene scene = scenes().setOut(1, 0, 0);
        String admin = staffAccounts.create(Set.of(Role.ADMIN), OutpostScenes.PASSWORD);
        long account = jdbc.queryForObject("SELECT id FROM staff_account WHERE username = ?", Long.class,
                scene.officer());
        String temporary = SignedInAs.call(users, admin, () -> administration.resetPassword(account));
        String path = "/api/v1/outposts/visits/" + scene.visitId() + "/checkout";

        Answer english = post(path, scene.officer(), temporary, checkout("Laptop E"), "en");
        Answer indonesian = post(path, scene.officer(), temporary, checkout("Laptop E"), "id");

        assertProblem(english, 403, "PASSWORD_CHANGE_REQUIRED");
        assertThat(detail(english)).contains("change it first");
        assertProblem(indonesian, 403, "PASSWORD_CHANGE_REQUIRED");
        assertThat(detail(indonesian)).contains("ganti kata sandi dulu");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_checkout WHERE visit_id = ?", Integer.class,
                scene.visitId())).isZero();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM audit_entry WHERE action = 'schoolvisit.outpost-api.refused'
                AND subject_type = 'SchoolVisit' AND subject_id = ? AND detail LIKE '%PASSWORD_CHANGE_REQUIRED%'""",
                Integer.class, String.valueOf(scene.visitId()))).isEqualTo(2);

        SignedInAs.run(users, scene.officer(), () -> myAccount.changePassword(temporary, "Sandi-Baru-Pos-2026"));
        assertThat(post(path, scene.officer(), "Sandi-Baru-Pos-2026", checkout("Laptop E"), "id")
                .status()).as("their own password now").isEqualTo(201);
    }

    @Test
    void a_bundle_for_a_checkout_back_or_by_a_stranger_or_out_of_time_is_a_coded_problem_and_nothing_is_applied()
            throws Exception {
        OutpostScenes.Scene scene = scenes().setOut(2, 0, 0);
        String officer = scene.officer();
        OutpostPackage sent = JSON.readValue(post("/api/v1/outposts/visits/" + scene.visitId() + "/checkout",
                officer, OutpostScenes.PASSWORD, checkout("Laptop F"), "id").body(), OutpostPackage.class);
        long first = idOf(sent, scene.notRecorded().get(0));
        long second = idOf(sent, scene.notRecorded().get(1));
        Instant atSchool = clock.instant().plus(Duration.ofMinutes(5));
        Operation fine = new Operation(UUID.randomUUID(), Kind.ABSENT, atSchool, officer, first, null);

        assertProblem(checkIn(sent, officer, fine, new Operation(UUID.randomUUID(), Kind.ABSENT, atSchool,
                staffAccounts.create(Set.of(Role.FIELD_OFFICER), OutpostScenes.PASSWORD), second, null), "en"),
                422, "BUNDLE_STAFF_NOT_IN_TEAM");
        Answer late = checkIn(sent, officer, fine, new Operation(UUID.randomUUID(), Kind.ABSENT,
                Instant.parse("+10000-01-01T00:00:00Z"), officer, second, null), "en");
        assertProblem(late, 422, "BUNDLE_TIME_INVALID");
        assertThat(detail(late)).contains("Nothing was applied");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_outpost_operation WHERE checkout_id = ?",
                Integer.class, sent.checkoutId())).isZero();

        assertThat(checkIn(sent, officer, fine, null, "id").status()).isEqualTo(200);
        Answer closed = checkIn(sent, officer, fine, new Operation(UUID.randomUUID(), Kind.ABSENT, atSchool,
                officer, second, null), "id");
        assertProblem(closed, 409, "CHECKOUT_CLOSED");
        assertThat(detail(closed)).contains("sudah kembali ke Dinas");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_outpost_operation WHERE checkout_id = ?",
                Integer.class, sent.checkoutId())).isOne();
    }

    private Answer checkIn(OutpostPackage sent, String officer, Operation one, Operation other, String language) {
        OutpostBundle bundle = new OutpostBundle(sent.checkoutId(), 0, other == null ? List.of(one)
                : List.of(one, other));
        return post("/api/v1/outposts/checkins", officer, OutpostScenes.PASSWORD, JSON.writeValueAsString(Map.of(
                "bundle", bundle, "signature", Outposts.sign(bundle, sent.secret()))), language);
    }

    private OutpostScenes scenes() {
        return outpostScenes;
    }

    private record Answer(int status, String body, java.net.http.HttpHeaders headers) {
    }

    private Answer post(String path, String username, String password, String json, String language) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("X-Forwarded-For", client)
                .header("Authorization", "Basic " + basic).header("Accept-Language", language)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(answer.body()).get("code").asString()).isEqualTo(code);
    }

    private static String detail(Answer answer) {
        return JSON.readTree(answer.body()).get("detail").asString();
    }

    private static long idOf(OutpostPackage sent, String[] resident) {
        return sent.roster().stream().filter(packed -> packed.nik().equals(resident[0])).findFirst().orElseThrow()
                .studentId();
    }

    private String state(long studentId) {
        return jdbc.queryForObject("SELECT state FROM schoolvisit_student WHERE id = ?", String.class, studentId);
    }

    private int audited(String action, long visitId) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM audit_entry WHERE action = ? AND subject_type = 'SchoolVisit'
                AND subject_id = ?""", Integer.class, action, String.valueOf(visitId));
    }

    /** A checkout's body: the outpost's name, and the key of a laptop of its own. */
    private static String checkout(String outpost) {
        return "{\"outpost\":\"" + outpost + "\",\"outpostKey\":\"" + OutpostScenes.laptop() + "\"}";
    }
}

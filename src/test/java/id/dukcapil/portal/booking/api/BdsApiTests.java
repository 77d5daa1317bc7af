package id.dukcapil.portal.booking.api;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.staff.StaffAccounts;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The BDS app's API over real HTTP: the contract's calls, its problem details, and its own security. */
@PortalTest
class BdsApiTests {

    private static String point;

    @LocalServerPort int port;
    @Autowired BookingTestSupport support;
    @Autowired MeterRegistry meters;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final JsonMapper json = JsonMapper.builder().build();
    String email;
    LocalDate day;

    /** A point of its own: no other class's bookings on its days. */
    @BeforeAll
    static void a_point_of_its_own(@Autowired StaffAccounts staff) {
        point = staff.servicePoint();
    }

    @BeforeEach
    void a_bookable_day() {
        day = support.workingDay(5);
        support.quota(point, day, 20);
        email = support.newEmail();
    }

    @Test
    void a_citizen_registers_verifies_signs_in_books_retries_lists_and_cancels() throws Exception {
        HttpResponse<String> registered = post("/accounts", null, null, """
                {"fullName":"Dewi Sartika","email":"%s","phone":"081234567890","password":"Bedas-Sandi-2026"}""".formatted(email));
        assertThat(registered.statusCode()).isEqualTo(202);
        String attempt = json.readTree(registered.body()).get("attempt").asString();
        assertThat(support.subjectsTo(email)).as("an app that names no language gets Indonesian")
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).startsWith("Kode OTP Anda");
        assertThat(post("/accounts/verify", null, null, """
                {"email":"%s","attempt":"%s","otp":"%s"}""".formatted(email, attempt, support.lastCodeTo(email)))
                .statusCode()).isEqualTo(200);
        HttpResponse<String> session = post("/sessions", null, null, """
                {"email":"%s","password":"Bedas-Sandi-2026"}""".formatted(email));
        assertThat(session.statusCode()).isEqualTo(200);
        String token = json.readTree(session.body()).get("token").asString();
        assertThat(json.readTree(session.body()).get("expiresAt").asString()).isNotBlank();

        JsonNode points = json.readTree(get("/service-points", null).body());
        assertThat(points.findValuesAsString("code")).contains("DINAS", point);
        JsonNode availability = json.readTree(get("/availability?servicePoint=" + point + "&from=" + day + "&to=" + day, null).body());
        assertThat(availability.get(0).get("remaining").asInt()).isEqualTo(20);
        assertThat(availability.get(0).get("open").asBoolean()).isTrue();

        String nik = support.printReadyNiks(1).getFirst();
        String booking = """
                {"nik":"%s","kkNumber":"%s","servicePoint":"%s","date":"%s"}""".formatted(nik, support.kkOf(nik), point, day);
        HttpResponse<String> made = post("/bookings", token, "key-1", booking);
        assertThat(made.statusCode()).isEqualTo(201);
        JsonNode ticket = json.readTree(made.body());
        String code = ticket.get("bookingCode").asString();
        assertThat(code).hasSize(8);
        assertThat(ticket.get("queueNumber").asInt()).isEqualTo(1);
        assertThat(ticket.get("date").asString()).isEqualTo(day.toString());
        assertThat(ticket.get("servicePoint").asString()).isEqualTo(point);
        assertThat(ticket.get("status").asString()).isEqualTo("BOOKED");

        HttpResponse<String> retried = post("/bookings", token, "key-1", booking);
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(json.readTree(retried.body()).get("bookingCode").asString()).isEqualTo(code);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");

        assertThat(json.readTree(get("/bookings", token).body()).findValuesAsString("bookingCode")).containsExactly(code);
        HttpResponse<String> one = get("/bookings/" + code, token);
        assertThat(one.statusCode()).isEqualTo(200);
        // Each answer in one piece, its length stated, not chunked (decision 112).
        for (HttpResponse<String> answer : List.of(made, retried, one)) {
            assertThat(answer.headers().firstValue("Transfer-Encoding")).isEmpty();
            assertThat(answer.headers().firstValueAsLong("Content-Length"))
                    .hasValue(answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(uri("/bookings/" + code + "/ticket.pdf"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.headers().firstValueAsLong("Content-Length")).hasValue(pdf.body().length);
        HttpResponse<String> cancelled = send(HttpRequest.newBuilder(uri("/bookings/" + code)).DELETE()
                .header("Authorization", "Bearer " + token).build());
        assertThat(json.readTree(cancelled.body()).get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void refusals_are_problem_details_with_a_stable_code_in_the_requested_language() throws Exception {
        String token = signedInCitizen();
        HttpResponse<String> invalid = send(HttpRequest.newBuilder(uri("/bookings"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept-Language", "en-GB,en;q=0.9")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"nik":"1234","kkNumber":"3204371203150007","servicePoint":"%s","date":"%s"}""".formatted(point, day))).build());
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        JsonNode problem = json.readTree(invalid.body());
        assertThat(problem.get("code").asString()).isEqualTo("INVALID_NIK");
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("detail").asString()).startsWith("The NIK is not valid.");

        String someone = support.printReadyNiks(1).getFirst();
        HttpResponse<String> unknown = post("/bookings", token, null, """
                {"nik":"3204370101909999","kkNumber":"%s","servicePoint":"%s","date":"%s"}""".formatted(support.kkOf(someone), point, day));
        HttpResponse<String> notMatching = post("/bookings", token, null, """
                {"nik":"%s","kkNumber":"%s","servicePoint":"%s","date":"%s"}""".formatted(someone,
                support.kkOf(support.residentWithStatus("ENROLMENT_FAILED")), point, day));
        for (HttpResponse<String> refused : List.of(unknown, notMatching)) {
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(json.readTree(refused.body()).get("code").asString()).isEqualTo("PERSON_NOT_CONFIRMED");
            assertThat(json.readTree(refused.body()).get("detail").asString()).isEqualTo(
                    "NIK dan nomor KK tidak cocok dengan data kependudukan. Periksa kembali keduanya pada Kartu Keluarga.");
        }

        LocalDate full = support.workingDayAfter(day);
        support.quota(point, full, 0);
        String nik = support.printReadyNiks(1).getFirst();
        HttpResponse<String> quotaFull = post("/bookings", token, null, """
                {"nik":"%s","kkNumber":"%s","servicePoint":"%s","date":"%s"}""".formatted(nik, support.kkOf(nik), point, full));
        assertThat(quotaFull.statusCode()).isEqualTo(409);
        assertThat(json.readTree(quotaFull.body()).get("code").asString()).isEqualTo("QUOTA_FULL");

        HttpResponse<String> noBody = post("/bookings", token, null, "{}");
        assertThat(noBody.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noBody.body()).get("code").asString()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void without_a_valid_token_the_api_answers_401_and_the_staff_portal_keeps_its_sign_in() throws Exception {
        HttpResponse<String> anonymous = get("/bookings", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json.readTree(anonymous.body()).get("code").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(get("/bookings", "not-a-token").statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> staffPage = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/staff")).GET().build());
        assertThat(staffPage.statusCode()).isIn(302, 303);
        assertThat(staffPage.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void the_openapi_document_describes_the_contract() throws Exception {
        HttpResponse<String> document = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/openapi")).GET().build());
        assertThat(document.statusCode()).isEqualTo(200);
        JsonNode paths = json.readTree(document.body()).get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/bds/accounts", "/api/v1/bds/accounts/verify",
                "/api/v1/bds/sessions", "/api/v1/bds/service-points", "/api/v1/bds/availability",
                "/api/v1/bds/bookings", "/api/v1/bds/bookings/{code}", "/api/v1/bds/bookings/{code}/reschedule");
        // A booking is answered once its day's batch is done (decision 116): the document still shows its answer.
        assertThat(paths.get("/api/v1/bds/bookings").get("post").get("responses").findValuesAsString("$ref"))
                .anyMatch(schema -> schema.endsWith("/BookingAnswer"));
    }

    @Test
    void signing_out_ends_the_token_at_once_though_it_was_just_verified() throws Exception {
        String token = signedInCitizen();
        assertThat(get("/bookings", token).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/sessions")).header("Authorization", "Bearer " + token).DELETE()
                .build()).statusCode()).isEqualTo(204);
        HttpResponse<String> after = get("/bookings", token);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(json.readTree(after.body()).get("code").asString()).isEqualTo("UNAUTHORIZED");
    }

    /**
     * The day's last place taken by the batch before it: a request that passed its checks is refused by its own batch
     * (decision 116), and that refusal, written on the async dispatch, is a whole problem in the requested language.
     */
    @Test
    void a_refusal_made_by_the_batch_is_a_whole_problem_in_the_requested_language() throws Exception {
        String token = signedInCitizen();
        LocalDate lastPlace = support.workingDay(9);
        support.quota(point, lastPlace, 1);
        List<String> niks = support.printReadyNiks(2);
        int waitingBefore = waitingForTheirBatches();
        try (BookingTestSupport.HeldRow dayRow = support.holdDayRow(point, lastPlace)) {
            var first = http.sendAsync(booking(token, niks.get(0), lastPlace), HttpResponse.BodyHandlers.ofString());
            var second = http.sendAsync(booking(token, niks.get(1), lastPlace), HttpResponse.BodyHandlers.ofString());
            // Both pass their checks (the day has a place on committed reads) and wait for their batches.
            awaitWaitingForTheirBatches(waitingBefore + 2);
            assertThat(first).isNotDone();
            assertThat(second).isNotDone();
            dayRow.letGo();

            // Whichever reached its batch first took the place.
            List<HttpResponse<String>> answers = List.of(first.get(10, TimeUnit.SECONDS),
                    second.get(10, TimeUnit.SECONDS));
            assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 409);
            HttpResponse<String> refused = answers.stream().filter(answer -> answer.statusCode() == 409)
                    .findFirst().orElseThrow();
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).contains("application/problem+json"));
            assertThat(refused.headers().firstValueAsLong("Content-Length"))
                    .hasValue(refused.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            JsonNode problem = json.readTree(refused.body());
            assertThat(problem.get("code").asString()).isEqualTo("QUOTA_FULL");
            assertThat(problem.get("detail").asString()).startsWith("The queue for ").contains("is full");
        }
    }

    private void awaitWaitingForTheirBatches(int requests) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (waitingForTheirBatches() < requests) {
            assertThat(System.nanoTime()).as("%d requests waiting for their batches", requests).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private int waitingForTheirBatches() {
        return (int) meters.get("portal.bookings.waiting").gauge().value();
    }

    private HttpRequest booking(String token, String nik, LocalDate date) {
        return HttpRequest.newBuilder(uri("/bookings")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"nik":"%s","kkNumber":"%s","servicePoint":"%s","date":"%s"}""".formatted(nik,
                        support.kkOf(nik), point, date))).build();
    }

    private String signedInCitizen() throws Exception {
        String attempt = json.readTree(post("/accounts", null, null, """
                {"fullName":"Cut Nyak Dien","email":"%s","phone":"081234567891","password":"Bedas-Sandi-2026"}""".formatted(email))
                .body()).get("attempt").asString();
        post("/accounts/verify", null, null, """
                {"email":"%s","attempt":"%s","otp":"%s"}""".formatted(email, attempt, support.lastCodeTo(email)));
        return json.readTree(post("/sessions", null, null, """
                {"email":"%s","password":"Bedas-Sandi-2026"}""".formatted(email)).body()).get("token").asString();
    }

    private HttpResponse<String> post(String path, String token, String idempotencyKey, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    @Test
    void a_malformed_otp_is_a_400_problem_in_the_apps_language_and_spends_no_try() throws Exception {
        String attempt = json.readTree(post("/accounts", null, null, """
                {"fullName":"Dewi Sartika","email":"%s","phone":"081234567890","password":"Bedas-Sandi-2026"}""".formatted(email))
                .body()).get("attempt").asString();
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/accounts/verify"))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"email":"%s","attempt":"%s","otp":"abc"}""".formatted(email, attempt))).build());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .contains("application/problem+json"));
        assertThat(json.readTree(refused.body()).get("code").asString()).isEqualTo("OTP_MALFORMED");
        assertThat(json.readTree(refused.body()).get("detail").asString()).contains("6 digits");
        assertThat(post("/accounts/verify", null, null, """
                {"email":"%s","attempt":"%s","otp":"%s"}""".formatted(email, attempt, support.lastCodeTo(email)))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void a_verification_names_its_attempt_and_another_attempts_code_does_not_open_it() throws Exception {
        String mine = json.readTree(post("/accounts", null, null, """
                {"fullName":"Dewi Sartika","email":"%s","phone":"081234567890","password":"Bedas-Sandi-2026"}""".formatted(email))
                .body()).get("attempt").asString();
        HttpResponse<String> unnamed = post("/accounts/verify", null, null, """
                {"email":"%s","otp":"%s"}""".formatted(email, support.lastCodeTo(email)));
        assertThat(unnamed.statusCode()).as(unnamed.body()).isEqualTo(400);
        assertThat(unnamed.body()).contains("attempt");
        assertThat(post("/accounts/verify", null, null, """
                {"email":"%s","attempt":"%s","otp":"%s"}""".formatted(email, "not-" + mine, support.lastCodeTo(email)))
                .statusCode()).as("someone else's handle").isEqualTo(422);
        assertThat(post("/accounts/otp", null, null, """
                {"email":"%s","attempt":"%s"}""".formatted(email, mine)).statusCode()).isEqualTo(202);
        assertThat(post("/accounts/verify", null, null, """
                {"email":"%s","attempt":"%s","otp":"%s"}""".formatted(email, mine, support.lastCodeTo(email)))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void a_forged_host_header_puts_no_foreign_link_into_the_owners_mail_nor_the_next_citizens() throws Exception {
        support.citizen(email);
        String body = """
                {"fullName":"Penyusup","email":"%s","phone":"081234567890","password":"Bedas-Sandi-2026"}""".formatted(email);
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(("POST /api/v1/bds/accounts HTTP/1.1\r\nHost: evil.example\r\n"
                    + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("HTTP/1.1 202");
        }
        assertThat(support.subjectsTo(email)).hasSize(2);
        assertThat(support.lastTextTo(email)).as("the owner's 'already registered' mail")
                .contains("http://localhost:" + port + "/bds/masuk").doesNotContain("evil.example");

        String next = support.newEmail();
        assertThat(post("/accounts", null, null, """
                {"fullName":"Dewi Sartika","email":"%s","phone":"081234567890","password":"Bedas-Sandi-2026"}""".formatted(next))
                .statusCode()).isEqualTo(202);
        assertThat(support.lastTextTo(next)).doesNotContain("evil.example");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + "/api/v1/bds" + path);
    }
}

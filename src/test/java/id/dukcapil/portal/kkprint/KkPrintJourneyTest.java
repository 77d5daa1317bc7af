package id.dukcapil.portal.kkprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.zxing.BarcodeFormat;
import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.notification.TestMailServer;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Sex;
import id.dukcapil.portal.shared.barcode.CodeReader;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import id.dukcapil.portal.shared.KkNumber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SOP B end to end: the IKD app submits over HTTP with the gateway key, the operator checks, the verifier
 * verifies, the Kepala Dinas signs in the signing module, the citizen gets the QR code and PIN over SMTP, and a
 * kiosk releases the signed card over HTTP with its key, once.
 */
@PortalTest
class KkPrintJourneyTest {

    private static final Pattern TRACKING = Pattern.compile("\"trackingNumber\"\\s*:\\s*\"(KK[0-9A-Z]+)\"");
    private static final Pattern PIN = Pattern.compile("PIN: (\\d{6})");

    @LocalServerPort int port;
    @Autowired KkPrintTestSupport kk;
    @Autowired OperatorInbox operatorInbox;
    @Autowired VerifierInbox verifierInbox;
    @Autowired TestMailServer mailServer;
    @Autowired JdbcTemplate jdbc;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_request_goes_from_the_ikd_app_through_check_verification_and_signature_to_its_release_at_a_kiosk()
            throws Exception {
        Map<String, Object> head = kk.freshHead();
        String body = """
                {"requesterNik":"%s","kkNumber":"%s","reason":"BIRTH","description":"Kelahiran anak kedua"}"""
                .formatted(head.get("nik"), head.get("kk_number"));

        HttpResponse<String> keyless = post("/api/v1/ikd/kk-print-requests", body, null);
        assertThat(keyless.statusCode()).isEqualTo(401);
        assertThat(keyless.body()).contains("\"code\":\"API_KEY_INVALID\"", "\"detail\":\"Header X-Api-Key yang sah",
                "\"instance\":\"/api/v1/ikd/kk-print-requests\"");
        HttpResponse<String> submitted = post("/api/v1/ikd/kk-print-requests", body, KkPrintTestSupport.GATEWAY_KEY);
        assertThat(submitted.statusCode()).isEqualTo(201);
        assertThat(submitted.body()).contains("\"status\":\"SUBMITTED\"");
        Matcher trackingMatch = TRACKING.matcher(submitted.body());
        assertThat(trackingMatch.find()).isTrue();
        String tracking = trackingMatch.group(1);
        HttpResponse<String> again = post("/api/v1/ikd/kk-print-requests", body, KkPrintTestSupport.GATEWAY_KEY);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(again.body()).contains("\"code\":\"OPEN_REQUEST_EXISTS\"");

        long id = kk.idOf(tracking);
        kk.asStaff("operator", () -> {
            operatorInbox.claim(id);
            operatorInbox.forward(id);
            return null;
        });
        kk.asStaff("verifikator", () -> {
            verifierInbox.verify(id);
            return null;
        });
        kk.sign(tracking);

        MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(() -> mailFor((String) head.get("email"),
                tracking), message -> message != null);
        List<Part> parts = new ArrayList<>();
        flatten(mail, parts);
        String text = parts.stream().filter(part -> isType(part, "text/plain")).map(KkPrintJourneyTest::text)
                .findFirst().orElseThrow();
        Matcher pin = PIN.matcher(text);
        assertThat(pin.find()).isTrue();
        Part png = parts.stream().filter(part -> isType(part, "image/png")).findFirst().orElseThrow();
        String qrContent = CodeReader.read(ImageIO.read(png.getInputStream()), BarcodeFormat.QR_CODE);
        assertThat(qrContent).startsWith("KKPRINT:").hasSizeGreaterThan(30);

        String release = """
                {"qrContent":"%s","pin":"%s"}""";
        assertThat(post("/api/v1/ikd/kk-print-requests", body, KkPrintTestSupport.KIOSK_KEY).statusCode()).isEqualTo(403);
        String wrongPin = pin.group(1).equals("123456") ? "654321" : "123456";
        HttpResponse<String> wrong = post("/api/v1/adm/releases", release.formatted(qrContent, wrongPin),
                KkPrintTestSupport.KIOSK_KEY);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("\"code\":\"WRONG_PIN\"");
        HttpResponse<byte[]> pdf = http.send(request("/api/v1/adm/releases", release.formatted(qrContent, pin.group(1)),
                KkPrintTestSupport.KIOSK_KEY), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String pdfText = new String(pdf.body(), StandardCharsets.ISO_8859_1);
        assertThat(pdfText).startsWith("%PDF-").contains("/ByteRange");
        // The kiosk's answer lost on the way: the same kiosk fetches the same card again; a malformed PIN costs no try.
        HttpResponse<byte[]> resent = http.send(request("/api/v1/adm/releases",
                release.formatted(qrContent, pin.group(1)), KkPrintTestSupport.KIOSK_KEY),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(resent.body()).isEqualTo(pdf.body());
        HttpResponse<String> malformed = post("/api/v1/adm/releases", release.formatted(qrContent, "12a"),
                KkPrintTestSupport.KIOSK_KEY);
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(malformed.body()).contains("\"code\":\"MALFORMED_PIN\"");

        HttpResponse<String> status = http.send(HttpRequest.newBuilder(uri("/api/v1/ikd/kk-print-requests/" + tracking))
                .header("X-Api-Key", KkPrintTestSupport.GATEWAY_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"status\":\"PRINTED\"").doesNotContain("operator").doesNotContain("verifikator");
        List<String> states = new ArrayList<>();
        Matcher stateMatch = Pattern.compile("\"status\":\"([A-Z_]+)\"").matcher(status.body());
        while (stateMatch.find()) {
            states.add(stateMatch.group(1));
        }
        assertThat(states).containsExactly("PRINTED", "SUBMITTED", "IN_CHECK", "FORWARDED", "VERIFIED", "SIGNED",
                "DELIVERED", "PRINTED");
    }

    @Test
    void the_ikd_app_hears_each_refusal_as_a_problem_with_its_code() throws Exception {
        Map<String, Object> notAllowed = jdbc.queryForMap("""
                SELECT r.nik, f.kk_number FROM population_resident r JOIN population_family f ON f.id = r.family_id
                WHERE r.relationship NOT IN ('HEAD', 'HUSBAND', 'WIFE', 'CHILD') ORDER BY r.id LIMIT 1""");
        Map<String, Object> head = kk.freshHead();
        String otherKk = jdbc.queryForObject("SELECT kk_number FROM population_family WHERE kk_number <> ? ORDER BY id LIMIT 1",
                String.class, head.get("kk_number"));
        String unknownNik = Nik.compose("320437", LocalDate.of(1990, 1, 1), Sex.MALE, 9999).value();

        assertRefused(body("12345", (String) head.get("kk_number"), "LOST"), 422, "INVALID_NIK");
        // No such NIK, no such KK number, a NIK on another card: one answer, whatever exists.
        assertRefused(body(unknownNik, (String) head.get("kk_number"), "LOST"), 422, "PERSON_NOT_CONFIRMED");
        assertRefused(body((String) head.get("nik"), otherKk, "LOST"), 422, "PERSON_NOT_CONFIRMED");
        assertRefused(body((String) head.get("nik"), KkNumber.compose("320437", LocalDate.of(2020, 1, 1), 9999).value(),
                "LOST"), 422, "PERSON_NOT_CONFIRMED");
        assertRefused(body((String) notAllowed.get("nik"), (String) notAllowed.get("kk_number"), "LOST"), 403,
                "RELATIONSHIP_NOT_ALLOWED");
        assertRefused(body((String) head.get("nik"), (String) head.get("kk_number"), "NO_SUCH_REASON"), 422,
                "INVALID_REASON");
        assertRefused("{}", 422, "INVALID_NIK");
    }

    private void assertRefused(String body, int status, String code) throws Exception {
        HttpResponse<String> refused = post("/api/v1/ikd/kk-print-requests", body, KkPrintTestSupport.GATEWAY_KEY);
        assertThat(refused.statusCode()).as(code).isEqualTo(status);
        assertThat(refused.body()).contains("\"code\":\"" + code + "\"");
    }

    private static String body(String nik, String kkNumber, String reason) {
        return """
                {"requesterNik":"%s","kkNumber":"%s","reason":"%s"}""".formatted(nik, kkNumber, reason);
    }

    @Test
    void the_apps_find_both_apis_in_the_public_openapi_description() throws Exception {
        HttpResponse<String> docs = http.send(HttpRequest.newBuilder(uri("/api/v1/openapi")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/ikd/kk-print-requests", "/api/v1/ikd/kk-print-requests/{trackingNumber}",
                "/api/v1/adm/releases", "OPEN_REQUEST_EXISTS", "RELEASE_LOCKED");
    }

    private @Nullable MimeMessage mailFor(String recipient, String tracking) throws Exception {
        for (MimeMessage message : mailServer.received()) {
            if (message.getAllRecipients()[0].toString().equals(recipient) && message.getSubject().contains(tracking)) {
                return message;
            }
        }
        return null;
    }

    private HttpResponse<String> post(String path, String json, @Nullable String key) throws Exception {
        return http.send(request(path, json, key), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String json, @Nullable String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            builder.header("X-Api-Key", key);
        }
        return builder.build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static void flatten(Part part, List<Part> parts) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                flatten(multipart.getBodyPart(i), parts);
            }
        } else {
            parts.add(part);
        }
    }

    private static boolean isType(Part part, String type) {
        try {
            return part.getContentType().toLowerCase().startsWith(type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Part part) {
        try {
            return part.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package id.dukcapil.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.kkprint.KkPrintTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The IKD intake's phone and channel (decision 153): an Indonesian mobile number as the BDS account takes it, a
 * channel by name, WhatsApp or SMS only with a phone; each refusal a problem in the caller's language, nothing stored.
 */
@PortalTest
class PhoneAtTheEdgesTests {

    @LocalServerPort int port;
    @Autowired KkPrintTestSupport kk;
    @Autowired JdbcTemplate jdbc;
    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void the_ikd_intake_refuses_a_phone_that_is_not_indonesian_or_whatsapp_without_one_in_either_language()
            throws Exception {
        Map<String, Object> head = kk.freshHead();
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM kkprint_request", Long.class);

        JsonNode foreign = problem(submit(head, "\"phone\":\"+1 415 555 0100\",\"channel\":\"SMS\"", "id"), 422);
        assertThat(foreign.get("code").asString()).isEqualTo("INVALID_PHONE");
        assertThat(foreign.get("detail").asString()).startsWith("Nomor HP tidak valid");

        JsonNode noPhone = problem(submit(head, "\"channel\":\"WHATSAPP\"", "en"), 422);
        assertThat(noPhone.get("code").asString()).isEqualTo("INVALID_CHANNEL");
        assertThat(noPhone.get("detail").asString()).contains("without a mobile number");

        JsonNode huge = problem(submit(head, "\"phone\":\"" + "0".repeat(500) + "\"", "en"), 422);
        assertThat(huge.get("errors").get(0).get("field").asString()).isEqualTo("phone");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkprint_request", Long.class)).isEqualTo(before);
    }

    private JsonNode problem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        return json.readTree(answer.body());
    }

    private HttpResponse<String> submit(Map<String, Object> head, String contact, String language) throws Exception {
        String body = """
                {"requesterNik":"%s","kkNumber":"%s","reason":"LOST",%s}""".formatted(head.get("nik"),
                head.get("kk_number"), contact);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ikd/kk-print-requests"))
                .header("Content-Type", "application/json").header("X-Api-Key", KkPrintTestSupport.GATEWAY_KEY)
                .header("Accept-Language", language).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

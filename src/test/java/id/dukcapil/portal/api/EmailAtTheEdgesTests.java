package id.dukcapil.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.kkprint.KkPrintTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 12 finding 11: one e-mail rule at every API edge; a bad address is a 422 naming the field, nothing stored. */
@PortalTest
class EmailAtTheEdgesTests {

    @LocalServerPort int port;
    @Autowired KkPrintTestSupport kk;
    @Autowired JdbcTemplate jdbc;
    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"a@@", "dewi@bandungkab.go.id,lain@contoh.id", "dewi@bandungkab.go.id\\r\\nBcc: x@contoh.id",
            "dewi@bandungkab"})
    void the_ikd_intake_refuses_anything_but_one_plain_address(String email) throws Exception {
        Map<String, Object> head = kk.freshHead();
        long before = count("kkprint_request");
        HttpResponse<String> refused = post("/api/v1/ikd/kk-print-requests", KkPrintTestSupport.GATEWAY_KEY, """
                {"requesterNik":"%s","kkNumber":"%s","reason":"LOST","email":"%s"}"""
                .formatted(head.get("nik"), head.get("kk_number"), email));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("code").asString()).isEqualTo("INVALID_FIELD");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(count("kkprint_request")).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@@", "warga@contoh.id,lain@contoh.id", "warga@contoh.id\\nBcc: x@contoh.id"})
    void a_citizen_registers_only_with_one_plain_address(String email) throws Exception {
        long before = count("booking_citizen");
        HttpResponse<String> refused = post("/api/v1/bds/accounts", null, """
                {"fullName":"Dewi Sartika","email":"%s","phone":"081234567890","password":"Bedas-Sandi-2026"}"""
                .formatted(email));

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(count("booking_citizen")).isEqualTo(before);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            builder.header("X-Api-Key", key);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}

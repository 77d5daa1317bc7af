package id.dukcapil.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.kkprint.KkPrintIntake;
import id.dukcapil.portal.kkprint.KkPrintTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 52, item 9, as the attacker probed it: guessing NIK and KK numbers at the KK print intake from one address.
 */
@PortalTest
class ApiProbeTests {

    @LocalServerPort int port;
    @Autowired KkPrintTestSupport kk;
    @Autowired JdbcTemplate jdbc;
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void guessing_which_family_card_a_nik_is_on_stops_after_ten_wrong_guesses_from_one_address() throws Exception {
        String guesser = strangersAddress();
        Map<String, Object> head = kk.freshHead();
        String nik = (String) head.get("nik");
        List<String> wrongKks = jdbc.queryForList("SELECT kk_number FROM population_family WHERE kk_number <> ? "
                + "ORDER BY id LIMIT ?", String.class, head.get("kk_number"), KkPrintIntake.UNPROVEN_PER_CLIENT.events());
        for (String wrongKk : wrongKks) {
            RawHttp.Answer wrong = submit(guesser, nik, wrongKk, "id");
            assertThat(wrong.status()).as(wrong.body()).isEqualTo(422);
            assertThat(code(wrong)).isEqualTo("PERSON_NOT_CONFIRMED");
        }

        RawHttp.Answer right = submit(guesser, nik, (String) head.get("kk_number"), "id");
        assertThat(right.status()).as("the right numbers after ten wrong ones: " + right.body()).isEqualTo(429);
        assertThat(right.contentType()).startsWith("application/problem+json");
        assertThat(code(right)).isEqualTo("INTAKE_THROTTLED");
        assertThat(json.readTree(right.body()).get("detail").asString()).contains("satu jam");
        RawHttp.Answer inEnglish = submit(guesser, nik, (String) head.get("kk_number"), "en");
        assertThat(json.readTree(inEnglish.body()).get("detail").asString()).contains("an hour");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkprint_request WHERE kk_number = ?", Long.class,
                head.get("kk_number"))).as("requests stored for the guessed card").isZero();

        RawHttp.Answer owner = submit(strangersAddress(), nik, (String) head.get("kk_number"), "id");
        assertThat(owner.status()).as("the owner, from their own phone: " + owner.body()).isEqualTo(201);
    }

    private RawHttp.Answer submit(String from, String nik, String kkNumber, String language) throws Exception {
        String body = "{\"requesterNik\":\"" + nik + "\",\"kkNumber\":\"" + kkNumber + "\",\"reason\":\"LOST\"}";
        return RawHttp.send(port, "POST", "/api/v1/ikd/kk-print-requests", Map.of("X-Api-Key",
                KkPrintTestSupport.GATEWAY_KEY, "Content-Type", "application/json", "X-Forwarded-For", from,
                "Accept-Language", language), body.getBytes(StandardCharsets.UTF_8));
    }

    private String code(RawHttp.Answer answer) {
        JsonNode code = json.readTree(answer.body()).get("code");
        return code == null ? "" : code.asString();
    }

    /** A fresh address of the benchmarking range for each caller: a test's guesses count for it alone. */
    private static String strangersAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.18." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}

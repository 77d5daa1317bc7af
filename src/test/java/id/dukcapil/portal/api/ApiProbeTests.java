package id.dukcapil.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.booking.CitizenTokens;
import id.dukcapil.portal.kkprint.KkPrintIntake;
import id.dukcapil.portal.kkprint.KkPrintTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 52, items 9 and 11, as the attacker probed them: guessing NIK and KK numbers at the KK print intake from one
 * address, and the API's edges (its methods asked with OPTIONS, an Accept the API cannot serve). The other spellings
 * of /api (/API/…, /api;x=y/…) are in the hostile battery ({@link HostileApiInputTests}).
 */
@PortalTest
class ApiProbeTests {

    @LocalServerPort int port;
    @Autowired KkPrintTestSupport kk;
    @Autowired BookingTestSupport support;
    @Autowired CitizenTokens tokens;
    @Autowired JdbcTemplate jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
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

    @Test
    void options_on_every_api_route_names_its_methods_and_asks_for_no_credentials() throws Exception {
        List<String> wrong = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (info.getPathPatternsCondition() == null || handler.getBeanType().getSimpleName().equals("ApiFallback")) {
                return;
            }
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (!pattern.startsWith("/api/") || info.getMethodsCondition().getMethods().isEmpty()) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", "ABCD1234").replace("/**", "");
                try {
                    RawHttp.Answer answer = RawHttp.send(port, "OPTIONS", path, Map.of(), new byte[0]);
                    List<String> allowed = Arrays.stream(answer.headers().getOrDefault("allow", "").split(","))
                            .map(String::strip).toList();
                    boolean named = info.getMethodsCondition().getMethods().stream()
                            .allMatch(method -> allowed.contains(method.name()));
                    if (answer.status() != 204 || !named || !allowed.contains("OPTIONS")) {
                        wrong.add("OPTIONS " + path + " → " + answer.status() + " Allow: " + allowed + " " + answer.body());
                    }
                } catch (Exception e) {
                    wrong.add("OPTIONS " + path + " → " + e);
                }
            }
        });
        assertThat(wrong).as("OPTIONS answered otherwise than 204 with the route's methods").isEmpty();

        RawHttp.Answer nowhere = RawHttp.send(port, "OPTIONS", "/api/v9/tidak-ada", Map.of(), new byte[0]);
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.contentType()).startsWith("application/problem+json");
    }

    @Test
    void an_api_asked_for_html_says_it_answers_in_json_and_a_browser_gets_json() throws Exception {
        String token = tokens.issueToken(support.citizen()).token();
        Map<String, Map<String, String>> asked = new LinkedHashMap<>();
        asked.put("/api/v1/bds/service-points", Map.of("Accept", "text/html"));
        asked.put("/api/v1/bds/bookings", Map.of("Accept", "text/html", "Authorization", "Bearer " + token));
        asked.put("/api/v1/ikd/kk-print-requests/KK20260101ABCDEF",
                Map.of("Accept", "text/html", "X-Api-Key", KkPrintTestSupport.GATEWAY_KEY));
        for (var each : asked.entrySet()) {
            RawHttp.Answer answer = RawHttp.send(port, "GET", each.getKey(), each.getValue(), new byte[0]);
            String shown = each.getKey() + " → " + answer.status() + " " + answer.body();
            assertThat(answer.status()).as(shown).isEqualTo(406);
            assertThat(answer.contentType()).as(shown).startsWith("application/problem+json");
            assertThat(code(answer)).as(shown).isEqualTo("NOT_ACCEPTABLE");
        }

        RawHttp.Answer browser = RawHttp.send(port, "GET", "/api/v1/bds/service-points",
                Map.of("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"), new byte[0]);
        assertThat(browser.status()).as(browser.body()).isEqualTo(200);
        assertThat(browser.contentType()).startsWith("application/json");
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

package id.dukcapil.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.booking.CitizenAccounts;
import id.dukcapil.portal.booking.CitizenTokens;
import id.dukcapil.portal.staff.StaffAccounts;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12 finding 12 and issue 41: every /api/** answer is a problem document, never HTML and never a redirect to
 * /login — a malformed body, a wrong type, an unknown path or point, a method the path does not take, TRACE.
 */
@PortalTest
class ApiProblemDocumentTests {

    private static final String GATEWAY_KEY = "ikd_demo_gateway_2026_kab_bandung";
    private static String point;

    @LocalServerPort int port;
    @Autowired BookingTestSupport support;
    @Autowired CitizenAccounts accounts;
    @Autowired CitizenTokens tokens;
    @Autowired JdbcTemplate jdbc;
    final JsonMapper json = JsonMapper.builder().build();

    /** A point of its own: no other class's bookings on its days. */
    @BeforeAll
    static void a_point_of_its_own(@Autowired StaffAccounts staff) {
        point = staff.servicePoint();
    }

    @Test
    void an_unknown_api_path_is_a_404_problem_not_vaadins_page_nor_a_sign_in_redirect() throws Exception {
        for (String path : new String[] {"/api/nothing-here", "/api/v2/bds/bookings", "/api/v1/kk-print-requests"}) {
            RawHttp.Answer answer = RawHttp.send(port, "GET", path, Map.of(), new byte[0]);
            assertProblem(answer, 404, "NOT_FOUND");
        }
    }

    @Test
    void a_wrong_content_type_is_a_415_problem() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port, "POST", "/api/v1/bds/sessions",
                Map.of("Content-Type", "text/plain"), "email=a@b.id".getBytes(StandardCharsets.UTF_8));
        assertProblem(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void a_non_ascii_idempotency_key_is_a_400_problem_and_books_nothing() throws Exception {
        String token = tokens.issueToken(support.citizen()).token();
        long before = count("booking_booking");
        String nik = support.printReadyNiks(1).getFirst();
        RawHttp.Answer answer = RawHttp.send(port, "POST", "/api/v1/bds/bookings", Map.of("Content-Type",
                "application/json", "Authorization", "Bearer " + token, "Idempotency-Key", "kunci-é-ü-日本"), """
                {"nik":"%1$s","kkNumber":"%2$s","servicePoint":"%3$s","date":"%4$s"}""".formatted(nik, support.kkOf(nik), point,
                support.workingDay(5)).getBytes(StandardCharsets.UTF_8));
        assertProblem(answer, 400, "INVALID_REQUEST");
        assertThat(count("booking_booking")).isEqualTo(before);
    }

    @Test
    void a_non_ascii_api_key_is_an_invalid_key_problem_not_the_containers_error_page() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port, "GET", "/api/v1/ikd/kk-print-requests/KK20260101ABCDEF",
                Map.of("X-Api-Key", "kunci-é"), new byte[0]);
        assertProblem(answer, 401, "API_KEY_INVALID");
    }

    @Test
    void a_value_too_long_is_a_422_problem_naming_the_field_not_a_database_error() throws Exception {
        RawHttp.Answer answer = post("/api/v1/bds/sessions", """
                {"email":"%s@contoh.id","password":"x"}""".formatted("a".repeat(300)));
        assertProblem(answer, 422, "INVALID_FIELD");
        assertThat(json.readTree(answer.body()).get("errors").get(0).get("field").asString()).isEqualTo("email");
    }

    @Test
    void dates_outside_1900_to_2100_are_refused() throws Exception {
        String token = tokens.issueToken(support.citizen()).token();
        String nik = support.printReadyNiks(1).getFirst();
        for (String date : new String[] {"0000-01-01", "+10000-01-01", "1899-12-31", "2101-01-01"}) {
            RawHttp.Answer booking = RawHttp.send(port, "POST", "/api/v1/bds/bookings", Map.of("Content-Type",
                    "application/json", "Authorization", "Bearer " + token), """
                    {"nik":"%1$s","kkNumber":"%2$s","servicePoint":"%3$s","date":"%4$s"}""".formatted(nik, support.kkOf(nik), point,
                    date).getBytes(StandardCharsets.UTF_8));
            assertProblem(booking, 422, "INVALID_FIELD");
            RawHttp.Answer availability = RawHttp.send(port, "GET", "/api/v1/bds/availability?servicePoint=" + point + "&from="
                    + date.replace("+", "%2B") + "&to=2026-12-01", Map.of(), new byte[0]);
            assertProblem(availability, 422, "INVALID_FIELD");
        }
    }

    @Test
    void refusals_of_the_security_chains_are_json_problems() throws Exception {
        assertProblem(RawHttp.send(port, "GET", "/api/v1/bds/bookings", Map.of(), new byte[0]), 401, "UNAUTHORIZED");
        assertProblem(RawHttp.send(port, "POST", "/api/v1/adm/releases", Map.of("Content-Type", "application/json",
                "X-Api-Key", "ikd_demo_gateway_2026_kab_bandung"), "{}".getBytes(StandardCharsets.UTF_8)), 403,
                "API_KEY_NOT_ALLOWED");
        assertProblem(post("/api/v1/bds/sessions", "{\"email\":"), 400, "INVALID_REQUEST");
    }

    @Test
    void malformed_json_and_wrong_types_on_the_ikd_activations_are_400_problems_not_a_sign_in_redirect() throws Exception {
        Map<String, String> gateway = Map.of("Content-Type", "application/json", "X-Api-Key", GATEWAY_KEY);
        String[][] requests = {
                {"/api/v1/ikd/activations", "{\"nik\":"},
                {"/api/v1/ikd/activations", "{\"nik\":[1],\"kkNumber\":{}}"},
                {"/api/v1/ikd/activations/IKDNOSUCHONE/face-check", "{\"passed\":\"ya\",\"score\":\"tinggi\"}"},
                {"/api/v1/ikd/activations/IKDNOSUCHONE/scan", "[\"qr\"]"},
                {"/api/v1/ikd/activations/IKDNOSUCHONE/activate", "{\"pin\":{\"a\":1}}"}};
        for (String[] request : requests) {
            RawHttp.Answer answer = RawHttp.send(port, "POST", request[0], gateway,
                    request[1].getBytes(StandardCharsets.UTF_8));
            assertProblem(answer, 400, "INVALID_REQUEST");
            assertThat(json.readTree(answer.body()).get("instance").asString()).isEqualTo(request[0]);
        }
    }

    @Test
    void the_board_of_a_point_the_office_does_not_have_is_a_404_problem() throws Exception {
        assertProblem(RawHttp.send(port, "GET", "/api/v1/recording/board/NOWHERE", Map.of(), new byte[0]), 404,
                "NOT_FOUND");
        assertThat(RawHttp.send(port, "GET", "/api/v1/recording/board/UKL-320437", Map.of(), new byte[0]).status())
                .as("a point the office has still shows its board").isEqualTo(200);
    }

    @Test
    void trace_on_any_api_path_is_a_405_problem_not_a_sign_in_redirect() throws Exception {
        for (String path : new String[] {"/api/v1/bds/service-points", "/api/v1/ikd/activations",
                "/api/v1/recording/board/UKL-320437", "/api/v1/adm/releases", "/api/nothing-here"}) {
            RawHttp.Answer answer = RawHttp.send(port, "TRACE", path, Map.of("X-Api-Key", GATEWAY_KEY), new byte[0]);
            assertProblem(answer, 405, "METHOD_NOT_ALLOWED");
            assertThat(json.readTree(answer.body()).get("instance").asString()).isEqualTo(path);
        }
    }

    @Test
    void a_method_an_api_path_does_not_take_is_a_405_problem_that_names_the_methods_it_takes() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port, "PATCH", "/api/v1/ikd/activations", Map.of("X-Api-Key", GATEWAY_KEY),
                new byte[0]);
        assertProblem(answer, 405, "METHOD_NOT_ALLOWED");
        assertThat(answer.headers().get("allow")).isEqualTo("POST");
        RawHttp.Answer board = RawHttp.send(port, "DELETE", "/api/v1/recording/board/UKL-320437", Map.of(), new byte[0]);
        assertProblem(board, 405, "METHOD_NOT_ALLOWED");
        assertThat(board.headers().get("allow")).contains("GET");
    }

    @Test
    void a_body_on_a_get_or_delete_is_a_400_problem() throws Exception {
        assertProblem(RawHttp.send(port, "GET", "/api/v1/bds/service-points", Map.of("Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8)), 400, "INVALID_REQUEST");
        String token = tokens.issueToken(support.citizen()).token();
        assertProblem(RawHttp.send(port, "DELETE", "/api/v1/bds/sessions", Map.of("Content-Type", "application/json",
                "Authorization", "Bearer " + token), "{}".getBytes(StandardCharsets.UTF_8)), 400, "INVALID_REQUEST");
        assertProblem(RawHttp.send(port, "GET", "/api/v1/recording/board/UKL-320437", Map.of("Content-Type",
                "application/json"), "{}".getBytes(StandardCharsets.UTF_8)), 400, "INVALID_REQUEST");
    }

    @Test
    void an_ikd_activation_without_a_key_is_a_401_problem_whatever_its_body() throws Exception {
        assertProblem(RawHttp.send(port, "POST", "/api/v1/ikd/activations", Map.of("Content-Type", "application/json"),
                "{\"nik\":".getBytes(StandardCharsets.UTF_8)), 401, "API_KEY_INVALID");
        assertProblem(RawHttp.send(port, "GET", "/api/v1/ikd/activations/IKDNOSUCHONE", Map.of(), new byte[0]), 401,
                "API_KEY_INVALID");
    }

    private RawHttp.Answer post(String path, String body) throws Exception {
        return RawHttp.send(port, "POST", path, Map.of("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void an_api_body_over_64_kb_is_a_413_problem_stated_or_chunked_and_a_body_within_it_still_works() throws Exception {
        long before = count("booking_citizen");
        byte[] large = ("{\"email\":\"" + "a".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(RawHttp.send(port, "POST", "/api/v1/bds/accounts", Map.of("Content-Type", "application/json"),
                large), 413, "CONTENT_TOO_LARGE");
        assertProblem(RawHttp.sendChunked(port, "POST", "/api/v1/bds/accounts", Map.of("Content-Type",
                "application/json"), 50L * 1024 * 1024), 413, "CONTENT_TOO_LARGE");
        // Chunked within the cap: read, handed on, and judged on its fields (an e-mail of 1,000 characters).
        assertProblem(RawHttp.sendChunked(port, "POST", "/api/v1/bds/accounts", Map.of("Content-Type",
                "application/json"), 1_000), 422, "INVALID_FIELD");
        assertThat(count("booking_citizen")).isEqualTo(before);
    }

    @Test
    void what_tomcat_refuses_before_the_portal_sees_it_is_a_problem_document_not_an_html_page() throws Exception {
        for (String path : new String[] {"/api/v1/bds/bookings/%00", "/api/v1/bds/bookings/ABC%2F..%2Fx",
                "/verify/%00", "/api/v1/ikd/kk-print-requests/%"}) {
            RawHttp.Answer answer = RawHttp.send(port, "GET", path, Map.of(), new byte[0]);
            assertProblem(answer, 400, "INVALID_REQUEST");
            assertThat(answer.body()).doesNotContain("<html", "Tomcat");
        }
    }

    private void assertProblem(RawHttp.Answer answer, int status, String code) throws Exception {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.get("code").asString()).as(answer.body()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}

package id.dukcapil.portal.ikd;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.kkprint.KkPrintTestSupport;
import id.dukcapil.portal.notification.TestMailServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The IKD app as the tests play it: the citizen's phone talking to the gateway API with the demo gateway key, and
 * the PIN read from the e-mail the test mail server received.
 */
public final class IkdApp {

    private static final Pattern PIN = Pattern.compile("PIN aktivasi IKD Anda: (\\d{6})");

    private final int port;
    private final JdbcTemplate jdbc;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    public IkdApp(int port, JdbcTemplate jdbc) {
        this.port = port;
        this.jdbc = jdbc;
    }

    /** A new registration of a resident with a printed card at the point; its code. */
    public String registered(String point) throws Exception {
        HttpResponse<String> answer = post("", registration(residentWithPrintedCard(), "warga.ikd@contoh.id",
                "+6281234567890", point));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return json.readTree(answer.body()).get("code").asString();
    }

    /** A registration's body for the NIK, proven by its own family card's number. */
    public String registration(String nik, String email, String phone, String point) {
        return registration(nik, kkOf(nik), email, phone, point);
    }

    /** A registration's body with the KK number given (another family's, or none at all). */
    public static String registration(String nik, String kkNumber, String email, String phone, String point) {
        return """
                {"nik":"%s","kkNumber":"%s","email":"%s","phone":"%s","servicePoint":"%s"}"""
                .formatted(nik, kkNumber, email, phone, point);
    }

    /** The number of the family card that lists the resident. */
    public String kkOf(String nik) {
        return jdbc.queryForObject("""
                SELECT f.kk_number FROM population_resident r JOIN population_family f ON f.id = r.family_id
                WHERE r.nik = ?""", String.class, nik);
    }

    public String facePassed(String point) throws Exception {
        String code = registered(point);
        assertThat(state(post("/" + code + "/face-check", "{\"passed\":true,\"score\":0.95}"))).isEqualTo("FACE_PASSED");
        return code;
    }

    public String pinFromTheEmail(String code) {
        return pinFromTheEmail(jdbc, code);
    }

    /** The PIN of the newest PIN e-mail of the registration, as the test mail server received it. */
    public static String pinFromTheEmail(JdbcTemplate jdbc, String code) {
        List<String> messageIds = jdbc.queryForList("""
                SELECT message_id FROM notification_message WHERE template_key = 'ikd-pin' AND reference = ?
                ORDER BY id DESC LIMIT 1""", String.class, code);
        assertThat(messageIds).isNotEmpty();
        String body = TestMailServer.awaitText(messageIds.getFirst());
        Matcher pin = PIN.matcher(body);
        assertThat(pin.find()).as(body).isTrue();
        return pin.group(1);
    }

    /** A resident with a printed card and no IKD registration yet: each call a new one. */
    public String residentWithPrintedCard() {
        return residentsWithPrintedCard(1).getFirst();
    }

    /** As many residents with a printed card and no IKD registration yet. */
    public List<String> residentsWithPrintedCard(int count) {
        List<String> niks = jdbc.queryForList("""
                SELECT r.nik FROM population_resident r
                WHERE EXISTS (SELECT 1 FROM population_card_print c WHERE c.resident_id = r.id)
                AND NOT EXISTS (SELECT 1 FROM ikd_registration i WHERE i.nik = r.nik)
                ORDER BY r.id DESC LIMIT ?""", String.class, count);
        assertThat(niks).hasSize(count);
        return niks;
    }

    public String residentWithoutCard() {
        return jdbc.queryForObject("""
                SELECT r.nik FROM population_resident r
                WHERE NOT EXISTS (SELECT 1 FROM population_card_print c WHERE c.resident_id = r.id)
                ORDER BY r.id DESC LIMIT 1""", String.class);
    }

    public HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ikd/activations" + path))
                .header("X-Api-Key", KkPrintTestSupport.GATEWAY_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A post from the phone at that address: the test stands where the IKD app's backend does, a proxy on a private
     * address that names the phone's in {@code X-Forwarded-For}.
     */
    public HttpResponse<String> postFrom(String address, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ikd/activations" + path))
                .header("X-Api-Key", KkPrintTestSupport.GATEWAY_KEY).header("Content-Type", "application/json")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ikd/activations" + path))
                .header("X-Api-Key", KkPrintTestSupport.GATEWAY_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> scan(String code, String qr) throws Exception {
        return post("/" + code + "/scan", "{\"qr\":\"%s\"}".formatted(qr));
    }

    public HttpResponse<String> activate(String code, String pin) throws Exception {
        return post("/" + code + "/activate", "{\"pin\":\"%s\"}".formatted(pin));
    }

    public String state(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 201);
        return json.readTree(answer.body()).get("state").asString();
    }

    public void assertProblem(HttpResponse<String> answer, int status, String code) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .contains("application/problem+json"));
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.get("code").asString()).isEqualTo(code);
    }

    public String codeOf(HttpResponse<String> answer) throws Exception {
        return json.readTree(answer.body()).get("code").asString();
    }

    public String field(HttpResponse<String> answer, String name) throws Exception {
        return json.readTree(answer.body()).get(name).asString();
    }
}

package id.dukcapil.portal.booking.api;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.booking.BookingTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The BDS app reads and sets the citizen's channel for the portal's messages (decision 140). */
@PortalTest
class BdsChannelApiTests {

    @LocalServerPort int port;
    @Autowired BookingTestSupport support;
    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_citizen_chooses_sms_in_the_app_and_an_unknown_channel_is_refused_as_a_problem() throws Exception {
        String email = support.newEmail();
        support.citizen(email);
        String token = json.readTree(send(HttpRequest.newBuilder(uri("/sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"email":"%s","password":"%s"}""".formatted(email, BookingTestSupport.PASSWORD)))).body())
                .get("token").asString();

        JsonNode chosen = json.readTree(send(HttpRequest.newBuilder(uri("/profile/channel"))
                .header("Authorization", "Bearer " + token)).body());
        assertThat(chosen.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(chosen.get("phoneProved").asBoolean()).isFalse();

        // The phone first, through the app's own proof (decision 182): a code by SMS, given back.
        String phone = support.newPhone();
        HttpResponse<String> codeSent = send(HttpRequest.newBuilder(uri("/profile/phone"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"phone\":\"%s\"}".formatted(phone))));
        assertThat(codeSent.statusCode()).as(codeSent.body()).isEqualTo(202);
        HttpResponse<String> proved = send(HttpRequest.newBuilder(uri("/profile/phone/proof"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"%s\"}".formatted(
                        BookingTestSupport.smsCodeTo(phone.substring(1), 0)))));
        assertThat(proved.statusCode()).as(proved.body()).isEqualTo(200);

        HttpResponse<String> sms = send(HttpRequest.newBuilder(uri("/profile/channel"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"channel\":\"SMS\"}")));
        assertThat(sms.statusCode()).isEqualTo(200);
        assertThat(json.readTree(sms.body()).get("fallbacks").valueStream().map(JsonNode::asString).toList())
                .containsExactly("EMAIL");
        assertThat(json.readTree(sms.body()).get("phoneProved").asBoolean()).isTrue();

        HttpResponse<String> pigeon = send(HttpRequest.newBuilder(uri("/profile/channel"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept-Language", "en").PUT(HttpRequest.BodyPublishers.ofString("{\"channel\":\"PIGEON\"}")));
        assertThat(pigeon.statusCode()).isEqualTo(422);
        assertThat(pigeon.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(pigeon.body()).contains("channel", "Choose one of the channels");
        assertThat(json.readTree(send(HttpRequest.newBuilder(uri("/profile/channel"))
                .header("Authorization", "Bearer " + token)).body()).get("channel").asString()).isEqualTo("SMS");

        assertThat(send(HttpRequest.newBuilder(uri("/profile/channel"))).statusCode())
                .as("only the citizen's own token").isEqualTo(401);
    }

    @Test
    void a_missing_or_oversized_channel_is_refused_at_the_edge_as_a_problem_in_the_callers_language() throws Exception {
        String email = support.newEmail();
        support.citizen(email);
        String token = json.readTree(send(HttpRequest.newBuilder(uri("/sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"email":"%s","password":"%s"}""".formatted(email, BookingTestSupport.PASSWORD)))).body())
                .get("token").asString();

        HttpResponse<String> missing = put(token, "id", "{}");
        assertThat(missing.statusCode()).as("an incomplete request, as every BDS body").isEqualTo(400);
        assertThat(missing.body()).contains("INVALID_REQUEST", "Wajib diisi.");
        assertThat(missing.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(json.readTree(missing.body()).get("errors").get(0).get("field").asString()).isEqualTo("channel");

        HttpResponse<String> huge = put(token, "en", "{\"channel\":\"" + "W".repeat(5000) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(422);
        assertThat(huge.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(json.readTree(huge.body()).get("errors").get(0).get("field").asString()).isEqualTo("channel");
        assertThat(huge.body()).contains("INVALID_FIELD", "Too long: at most 16 characters.")
                .doesNotContain("WWWWWWWWWW");

        assertThat(json.readTree(send(HttpRequest.newBuilder(uri("/profile/channel"))
                .header("Authorization", "Bearer " + token)).body()).get("channel").asString())
                .as("nothing changed").isEqualTo("EMAIL");
    }

    private HttpResponse<String> put(String token, String language, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri("/profile/channel"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept-Language", language).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + "/api/v1/bds" + path);
    }
}

package id.dukcapil.portal.ikd.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo IKD app's side of the gateway API: the calls the real app makes, over HTTP to this portal's own port
 * with the demo gateway key, so the demo shows the contract (and its problem documents) as the app meets it.
 */
@Component
@Profile("demo")
class GatewayClient {

    /** An answer of the gateway: the registration, or the problem's code and message. */
    record Answer(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String text(String field) {
            JsonNode value = body.get(field);
            return value == null || value.isNull() ? "" : value.asString();
        }
    }

    private static final String BASE = "/api/v1/ikd/activations";

    /** Built at the first call: a JDK client sets up TLS (the trust store) when built, start-up time (decision 160). */
    private final SingletonSupplier<HttpClient> http =
            SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    private final JsonMapper json = JsonMapper.builder().build();
    private final Environment environment;
    private final String key;

    GatewayClient(Environment environment, @Value("${portal.demo.ikd-gateway-key}") String key) {
        this.environment = environment;
        this.key = key;
    }

    /**
     * The real app's backend tells the portal the phone's address as a proxy does, so that guesses are counted per
     * phone (decision 130); here the phone is the browser that opened the demo page.
     */
    Answer register(String nik, String kkNumber, String email, String phone, String servicePoint, String phoneAddress) {
        return send(request("").header("Content-Type", "application/json").header("X-Forwarded-For", phoneAddress)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("nik", nik, "kkNumber",
                        kkNumber, "email", email, "phone", phone, "servicePoint", servicePoint)))).build());
    }

    Answer faceCheck(String code, boolean passed) {
        return post("/" + code + "/face-check", Map.of("passed", passed, "score", passed ? 0.93 : 0.41));
    }

    Answer scan(String code, String qr) {
        return post("/" + code + "/scan", Map.of("qr", qr));
    }

    Answer activate(String code, String pin) {
        return post("/" + code + "/activate", Map.of("pin", pin));
    }

    Answer status(String code) {
        return send(request("/" + code).GET().build());
    }

    private Answer post(String path, Map<String, Object> body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    private HttpRequest.Builder request(String path) {
        // The port this portal listens on, known once its web server runs (a demo on another port still works).
        String port = environment.getProperty("local.server.port", "8080");
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + BASE + path))
                .timeout(Duration.ofSeconds(10)).header("X-Api-Key", key).header("Accept", "application/json");
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.obtain().send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), json.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("The gateway API did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

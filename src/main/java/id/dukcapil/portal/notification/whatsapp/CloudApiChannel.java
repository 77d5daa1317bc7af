package id.dukcapil.portal.notification.whatsapp;

import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.internal.ChannelTexts;
import id.dukcapil.portal.notification.internal.DeliveryFailure.Verdict;
import id.dukcapil.portal.notification.internal.OutboxStore;
import id.dukcapil.portal.notification.internal.PhoneChannel;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import jakarta.annotation.PreDestroy;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends a message as its approved template: {@code POST /{version}/{phone-number-id}/messages}, the template's
 * language the recipient's (id or en), its body parameters the values stored when the message was queued. The
 * answer's {@code messages[0].id} (wamid) is what the status webhook will name.
 * <p>
 * The Cloud API has no idempotency key. The outbox's Message-ID rides along as {@code biz_opaque_callback_data},
 * which Meta repeats in every status of the message: a message whose answer was lost (UNCERTAIN, never sent again
 * by itself) is recognised as accepted when its status arrives (decision 140).
 */
@Component
class CloudApiChannel extends PhoneChannel {

    private final WhatsAppProperties properties;
    private final HttpClient.Builder clientBuilder;
    private volatile HttpClient client;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * A named SSL bundle is resolved here, so that a wrong one still fails the start; the client is built at the first
     * message: without a bundle, building it sets up the JDK's default TLS (its trust store), start-up time spent
     * for a channel most offices do not configure (decision 160).
     */
    CloudApiChannel(WhatsAppProperties properties, ObjectProvider<SslBundles> sslBundles) {
        super(properties);
        this.properties = properties;
        this.clientBuilder = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .version(HttpClient.Version.HTTP_1_1);
        if (StringUtils.hasText(properties.sslBundle())) {
            clientBuilder.sslContext(sslBundles.getObject().getBundle(properties.sslBundle()).createSslContext());
        }
    }

    private HttpClient client() {
        HttpClient built = client;
        if (built == null) {
            synchronized (clientBuilder) {
                if (client == null) {
                    client = clientBuilder.build();
                }
                built = client;
            }
        }
        return built;
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public String describe() {
        return properties.baseUrl() + "/" + properties.apiVersion() + "/" + properties.phoneNumberId();
    }

    /** HTTP needs no session: the client's connections are kept alive between messages. */
    @Override
    public Session open() {
        return new Session() {
            @Override
            public Accepted send(OutboxStore.Claimed message) throws ChannelFailure {
                return CloudApiChannel.this.send(message);
            }

            @Override
            public void close() {
            }
        };
    }

    /** The client's selector thread and pooled connections end with the context (a test's, a redeploy's). */
    @PreDestroy
    void close() {
        HttpClient built = client;
        if (built != null) {
            built.close();
        }
    }

    private Accepted send(OutboxStore.Claimed message) throws ChannelFailure {
        HttpRequest request = HttpRequest.newBuilder(URI.create(describe() + "/messages"))
                .timeout(properties.timeout())
                .header("Authorization", "Bearer " + properties.accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(message), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpConnectTimeoutException refused) {
            throw ChannelFailure.away(Verdict.RETRY, "Cloud API not reachable: " + refused, refused);
        } catch (IOException lost) {
            // The request may have reached Meta: accepted or not, nobody knows. No answer: the API is away (198).
            throw ChannelFailure.away(Verdict.UNCERTAIN, "No answer from the Cloud API: " + lost, lost);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ChannelFailure(Verdict.UNCERTAIN, "Interrupted while waiting for the Cloud API", interrupted);
        }
        return answer(response);
    }

    String body(OutboxStore.Claimed message) {
        ChannelTexts.Text text = Objects.requireNonNull(message.way().text());
        ObjectNode body = json.createObjectNode();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", internationalNumber(message));
        body.put("type", "template");
        body.put("biz_opaque_callback_data", message.messageId());
        ObjectNode template = body.putObject("template");
        template.put("name", text.template());
        template.putObject("language").put("code", language(message.way().locale()));
        ArrayNode parameters = template.putArray("components").addObject().put("type", "body").putArray("parameters");
        for (String value : ChannelTexts.parameters(text.text())) {
            parameters.addObject().put("type", "text").put("text", value);
        }
        return json.writeValueAsString(body);
    }

    /** The office's templates exist in Indonesian ({@code id}) and English ({@code en}). */
    static String language(String locale) {
        return Locale.forLanguageTag(locale).getLanguage().equals("en") ? "en" : "id";
    }

    private Accepted answer(HttpResponse<String> response) throws ChannelFailure {
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (RuntimeException notJson) {
            answer = json.createObjectNode();
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            String id = answer.path("messages").path(0).path("id").asString("");
            return new Accepted(status + " " + (id.isEmpty() ? "accepted" : id), id.isEmpty() ? null : id);
        }
        JsonNode error = answer.path("error");
        int code = error.path("code").asInt(0);
        String details = error.path("error_data").path("details").asString(error.path("message").asString(""));
        String words = "HTTP " + status + ", error " + code + ": " + details;
        // A 5xx without a documented error is Meta's side failing: the API is away (decision 198); any other
        // answer is about this message or this office's account, and the API is there.
        throw status >= 500 && code == 0 ? ChannelFailure.away(CloudApiErrors.classify(status, code), words, null)
                : new ChannelFailure(CloudApiErrors.classify(status, code), words);
    }
}

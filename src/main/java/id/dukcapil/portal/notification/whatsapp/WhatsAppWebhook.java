package id.dukcapil.portal.notification.whatsapp;

import id.dukcapil.portal.shared.api.ApiBodyLimit;
import id.dukcapil.portal.shared.api.ApiProblems;
import id.dukcapil.portal.shared.throttle.Limit;
import id.dukcapil.portal.shared.throttle.Throttle;
import id.dukcapil.portal.shared.throttle.Throttles;
import java.time.Duration;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The address Meta calls for this office's WhatsApp number: the GET handshake when the webhook is set up, and a
 * signed POST for each batch of statuses and replies. A POST whose signature is not the app secret's is refused
 * and changes nothing.
 */
@RestController
@RequestMapping(WhatsAppWebhook.PATH)
class WhatsAppWebhook {

    static final String PATH = "/api/v1/whatsapp/webhook";
    /**
     * Meta batches statuses, up to a thousand a POST, which passes the APIs' 64 KB; anything far larger is not Meta's.
     * Refused a 413 by {@link id.dukcapil.portal.shared.api.ApiBodyFilter}'s cap for this path, before the signature
     * is checked.
     */
    static final int BODY_MAX_BYTES = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhook.class);

    private final WhatsAppProperties properties;
    private final WhatsAppUpdates updates;
    private final ApiProblems problems;
    private final Throttle handshakes;
    private final JsonMapper json = JsonMapper.builder().build();

    WhatsAppWebhook(WhatsAppProperties properties, WhatsAppUpdates updates, ApiProblems problems, Throttles throttles) {
        this.properties = properties;
        this.updates = updates;
        this.problems = problems;
        // The verify token is a secret: Meta asks once when the webhook is set up, a guesser many times.
        this.handshakes = throttles.of("whatsapp-webhook-verify", Limit.of(10, Duration.ofHours(1)));
    }

    /** Meta would send a refused batch again for ever: this path's own cap, above the APIs' default. */
    @Bean
    static ApiBodyLimit whatsAppWebhookBodyLimit() {
        return new ApiBodyLimit(PATH, BODY_MAX_BYTES);
    }

    /** Meta's verification: answer the challenge when the verify token is this office's. */
    @GetMapping
    ResponseEntity<?> verify(@RequestParam(name = "hub.mode", required = false) @Nullable String mode,
                             @RequestParam(name = "hub.verify_token", required = false) @Nullable String token,
                             @RequestParam(name = "hub.challenge", required = false) @Nullable String challenge,
                             HttpServletRequest request) {
        if (!handshakes.tryTake(request.getRemoteAddr())) {
            return problems.answer(request, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS",
                    problems.text(request, "notification.whatsapp.too-many"));
        }
        String expected = properties.verifyToken();
        if (!"subscribe".equals(mode) || token == null || challenge == null || challenge.length() > 200
                || expected.isEmpty() || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            return problems.answer(request, HttpStatus.FORBIDDEN, "WEBHOOK_VERIFY_REFUSED",
                    problems.text(request, "notification.whatsapp.verify-refused"));
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> update(@RequestHeader(name = WebhookSignature.HEADER, required = false) @Nullable String signature,
                             HttpServletRequest request) throws IOException {
        // Read under the hard cap wherever the body comes from; the API filter has refused a larger one already.
        byte[] body = request.getInputStream().readNBytes(BODY_MAX_BYTES + 1);
        if (body.length > BODY_MAX_BYTES) {
            return problems.answer(request, HttpStatus.CONTENT_TOO_LARGE, "WEBHOOK_TOO_LARGE",
                    problems.text(request, "notification.whatsapp.too-large"));
        }
        if (!WebhookSignature.valid(properties.appSecret(), body, signature)) {
            log.warn("WhatsApp webhook call from {} with a wrong signature refused", request.getRemoteAddr());
            return problems.answer(request, HttpStatus.UNAUTHORIZED, "WEBHOOK_SIGNATURE_INVALID",
                    problems.text(request, "notification.whatsapp.signature-invalid"));
        }
        JsonNode payload;
        try {
            payload = json.readTree(body);
        } catch (RuntimeException notJson) {
            return problems.answer(request, HttpStatus.BAD_REQUEST, "WEBHOOK_NOT_JSON",
                    problems.text(request, "notification.whatsapp.not-json"));
        }
        if (!updates.apply(payload)) {
            return problems.answer(request, HttpStatus.SERVICE_UNAVAILABLE, "WEBHOOK_TRY_AGAIN",
                    problems.text(request, "notification.whatsapp.try-again"));
        }
        return ResponseEntity.ok().build();
    }
}

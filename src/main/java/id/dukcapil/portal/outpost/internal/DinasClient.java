package id.dukcapil.portal.outpost.internal;

import id.dukcapil.portal.outpost.OfferedVisit;
import id.dukcapil.portal.recording.OutpostDay;
import id.dukcapil.portal.recording.OutpostDayBundle;
import id.dukcapil.portal.schoolvisit.OutpostBundle;
import id.dukcapil.portal.schoolvisit.OutpostPackage;
import id.dukcapil.portal.shared.RuleViolation;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Dinas's outpost API as an outpost calls it ({@code docs/api.md}, "Outposts"): a visit checked out and a signed
 * bundle checked in, each with the officer's own Dinas credentials (HTTP Basic), which are sent and not kept. The
 * Dinas's refusals arrive as problem documents in the officer's language and are passed on as {@link Refused}; a
 * Dinas that cannot be reached, or answers nothing usable, is {@link Away}.
 */
@Component
public class DinasClient {

    static final String CHECKOUT = "/api/v1/outposts/visits/%d/checkout";
    static final String CHECKINS = "/api/v1/outposts/checkins";
    static final String VISITS = "/api/v1/outposts/visits";
    static final String DAY_CHECKOUT = "/api/v1/outposts/days/checkout";
    static final String DAY_CHECKINS = "/api/v1/outposts/days/checkins";
    /** A package of a day's roster arrives well within this on a slow link; a check-in of 10,000 operations too. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(60);
    /**
     * The largest package taken: a roster of 2,000 students is about 600 KB, a kecamatan's 20,000 residents (the
     * setting's default limit) about 12 MB.
     */
    private static final int PACKAGE_MAX_BYTES = 24 * 1024 * 1024;

    /** The Dinas said no, in the officer's language. */
    public static final class Refused extends RuntimeException {

        private final int status;
        private final String code;

        Refused(int status, String code, String detail) {
            super(detail, null, false, false);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    /** The Dinas could not be reached, or its answer was not one (a proxy's page, a cut connection). */
    public static final class Away extends RuntimeException {

        private final boolean reached;

        Away(String why, boolean reached) {
            super(why, null, false, false);
            this.reached = reached;
        }

        /**
         * Whether the request may have reached the Dinas (the connection was made, the answer did not come or was
         * not the Dinas's): what it carried may have been applied. False: it never left.
         */
        public boolean reached() {
            return reached;
        }
    }

    /**
     * The Dinas's address as typed or set: https, or http only to this machine (a test, a Dinas on the same host);
     * no query, no fragment; a path (a Dinas behind a proxy at /portal) kept.
     *
     * @throws IllegalArgumentException when it is not such an address
     */
    public static URI address(String typed) {
        URI uri = URI.create(typed.strip());
        String host = uri.getHost();
        boolean loopback = "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
        if (host == null || uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && loopback)) {
            throw new IllegalArgumentException("not a Dinas address: https, or http on this machine");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path);
    }

    /** What the Dinas did with a bundle, as its API answers. */
    public record CheckInAnswer(long checkoutId, int applied, int alreadyApplied, int toReconcile, int cardsOut,
                                int cardsUsed, int cardsSpoiled, int cardsBroughtBack, int cardDifference,
                                String cards, int journalEntries, @Nullable String handover,
                                @Nullable String handoverWords) {
    }

    /** The Dinas's answer to a request, or its refusal or absence in the officer's words; nothing here changed. */
    public static <T> T inWords(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (Refused refused) {
            throw new RuleViolation("outpost.dinas.refused", refused.getMessage());
        } catch (Away away) {
            throw new RuleViolation("outpost.dinas.away", away.getMessage());
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** GET the officer's team's visits today. */
    public List<OfferedVisit> visits(URI dinas, String username, char[] password, Locale language) {
        Answer answer = send(dinas, VISITS, null, username, password, language);
        return List.of(read(answer, 200, OfferedVisit[].class));
    }

    /** POST the checkout of a visit: the package, with the secret its bundle is signed with. */
    public OutpostPackage checkOut(URI dinas, long visitId, String outpost, String outpostKey, String username,
                                   char[] password, Locale language) {
        byte[] body = json.writeValueAsBytes(Map.of("outpost", outpost, "outpostKey", outpostKey));
        Answer answer = send(dinas, CHECKOUT.formatted(visitId), body, username, password, language);
        return read(answer, 201, OutpostPackage.class);
    }

    /** POST a bundle and its signature: what the Dinas applied, skipped as applied before, or sent to reconcile. */
    public CheckInAnswer checkIn(URI dinas, OutpostBundle bundle, String signature, String username,
                                 char[] password, Locale language) {
        byte[] body = json.writeValueAsBytes(Map.of("bundle", bundle, "signature", signature));
        Answer answer = send(dinas, CHECKINS, body, username, password, language);
        return read(answer, 200, CheckInAnswer.class);
    }

    /** What the Dinas did with a point's day's bundle, as its API answers. */
    public record DayCheckInAnswer(long checkoutId, int applied, int alreadyApplied, int toReconcile,
                                   boolean firstArrival, int journalEntries) {
    }

    /** POST the checkout of the caller's recording point's day: the kecamatan's residents and the secret. */
    public OutpostDay checkOutDay(URI dinas, String outpost, String outpostKey, String prefix, String username,
                                  char[] password, Locale language) {
        byte[] body = json.writeValueAsBytes(Map.of("outpost", outpost, "outpostKey", outpostKey, "prefix", prefix));
        Answer answer = send(dinas, DAY_CHECKOUT, body, username, password, language);
        return read(answer, 201, OutpostDay.class);
    }

    /** POST a day's bundle and its signature: what the Dinas applied, skipped as applied before, or kept. */
    public DayCheckInAnswer checkInDay(URI dinas, OutpostDayBundle bundle, String signature, String username,
                                       char[] password, Locale language) {
        byte[] body = json.writeValueAsBytes(Map.of("bundle", bundle, "signature", signature));
        Answer answer = send(dinas, DAY_CHECKINS, body, username, password, language);
        return read(answer, 200, DayCheckInAnswer.class);
    }

    /** An answer as read: its status and at most one byte more than the largest package. */
    private record Answer(int statusCode, byte[] body) {
    }

    /** POST with the body, GET without one. */
    private Answer send(URI dinas, String path, byte @Nullable [] body, String username,
                                      char[] password, Locale language) {
        byte[] credentials = basic(username, password);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(dinas + path)).timeout(ANSWER_WITHIN)
                    .header("Accept", "application/json").header("Accept-Language", language.toLanguageTag())
                    .header("Authorization", "Basic " + new String(credentials, StandardCharsets.US_ASCII));
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
            }
            HttpResponse<InputStream> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream received = answer.body()) {
                return new Answer(answer.statusCode(), received.readNBytes(PACKAGE_MAX_BYTES + 1));
            }
        } catch (ConnectException | HttpConnectTimeoutException | UnresolvedAddressException notSent) {
            throw new Away(notSent.getClass().getSimpleName(), false);
        } catch (IOException e) {
            throw new Away(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Away("interrupted", true);
        } finally {
            Arrays.fill(credentials, (byte) 0);
        }
    }

    private static byte[] basic(String username, char[] password) {
        byte[] plain = (username + ":" + new String(password)).getBytes(StandardCharsets.UTF_8);
        try {
            return Base64.getEncoder().encode(plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private <T> T read(Answer answer, int expected, Class<T> type) {
        if (answer.body().length > PACKAGE_MAX_BYTES) {
            throw new Away("an answer over " + PACKAGE_MAX_BYTES + " bytes", true);
        }
        if (answer.statusCode() == expected) {
            try {
                return json.readValue(answer.body(), type);
            } catch (JacksonException e) {
                throw new Away("HTTP " + answer.statusCode() + " without a readable answer", true);
            }
        }
        JsonNode problem = problem(answer.body());
        String code = problem == null ? "" : problem.path("code").asString("");
        if (problem == null || code.isEmpty() || answer.statusCode() >= 500) {
            // Not the Dinas's own answer (a proxy's page, a gateway's 502) or the Dinas failing: try again later.
            throw new Away("HTTP " + answer.statusCode() + (code.isEmpty() ? "" : " " + code), true);
        }
        String detail = problem.path("detail").asString("");
        throw new Refused(answer.statusCode(), code, detail.isBlank() ? code : detail);
    }

    private @Nullable JsonNode problem(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}

package id.dukcapil.portal.staff;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Signs in over HTTP exactly as the login form does, against the running portal, from a client address of its own:
 * the demo profile believes loopback's {@code X-Forwarded-For} (decision 065), as the office's proxy is believed. Each
 * instance made with {@link #SignIn(int)} is another client, so one test's failures never spend another's tries.
 */
record SignIn(int port, String client) {

    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger((int) (System.nanoTime() % 50_000));

    enum Result { SIGNED_IN, REFUSED }

    /** A client address of its own, in the benchmarking range 198.18.0.0/15. */
    SignIn(int port) {
        this(port, nextClient());
    }

    static String nextClient() {
        int n = NEXT_CLIENT.incrementAndGet() % 130_000;
        return "198." + (18 + n / 65_000) + "." + (n % 65_000) / 254 + "." + (n % 254 + 1);
    }

    Result attempt(String username, String password) {
        return attempt(username, password, Map.of());
    }

    /** With the headers a browser adds, e.g. {@code Origin} or {@code Sec-Fetch-Site}. */
    Result attempt(String username, String password, Map<String, String> headers) {
        return prepare(username, password, headers).send();
    }

    /** Where a sign-in sends the browser: for a refused one, the sign-in page with its reason. */
    String sentTo(String username, String password) {
        Prepared prepared = prepare(username, password, Map.of());
        return send(prepared.http, prepared.post, HttpResponse.BodyHandlers.discarding()).headers()
                .firstValue("Location").orElse("");
    }

    /** The login page opened (the session's cookie taken); {@link Prepared#send()} posts the form. */
    Prepared prepare(String username, String password) {
        return prepare(username, password, Map.of());
    }

    private Prepared prepare(String username, String password, Map<String, String> headers) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        send(http, request("/login").GET().build(), HttpResponse.BodyHandlers.discarding());
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest.Builder post = request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(post::header);
        return new Prepared(http, post.build());
    }

    /** A sign-in ready to post. */
    final class Prepared {
        private final HttpClient http;
        private final HttpRequest post;

        private Prepared(HttpClient http, HttpRequest post) {
            this.http = http;
            this.post = post;
        }

        Result send() {
            HttpResponse<Void> response = SignIn.this.send(http, post, HttpResponse.BodyHandlers.discarding());
            String location = response.headers().firstValue("Location").orElse("");
            return response.statusCode() == 302 && !location.contains("/login") ? Result.SIGNED_IN : Result.REFUSED;
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Forwarded-For", client);
    }

    private <T> HttpResponse<T> send(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

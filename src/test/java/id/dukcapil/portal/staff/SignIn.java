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

/** Signs in over HTTP exactly as the login form does, against the running portal. */
record SignIn(int port) {

    enum Result { SIGNED_IN, REFUSED }

    Result attempt(String username, String password) {
        return attempt(username, password, Map.of());
    }

    /** With the headers a browser adds, e.g. {@code Origin} or {@code Sec-Fetch-Site}. */
    Result attempt(String username, String password, Map<String, String> headers) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        try {
            client.send(HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.discarding());
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpRequest.Builder post = HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            headers.forEach(post::header);
            HttpResponse<Void> response = client.send(post.build(), HttpResponse.BodyHandlers.discarding());
            String location = response.headers().firstValue("Location").orElse("");
            return response.statusCode() == 302 && !location.contains("/login") ? Result.SIGNED_IN : Result.REFUSED;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

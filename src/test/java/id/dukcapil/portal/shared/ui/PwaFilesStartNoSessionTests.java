package id.dukcapil.portal.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The PWA's files never answer with a session cookie of their own: one that did, arriving after a sign-in's answer,
 * replaced the signed-in session (see {@link PwaFilesStartNoSession}). With the session the page has, they
 * are served as ever.
 */
@PortalTest
class PwaFilesStartNoSessionTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort int port;

    @ParameterizedTest
    @ValueSource(strings = {"icons/icon-16x16.png", "icons/icon-192x192.png", "manifest.webmanifest", "sw.js",
            "offline-stub.html"})
    void a_file_asked_for_with_a_session_the_server_no_longer_has_starts_none(String file) throws Exception {
        HttpResponse<Void> stale = get(file, "JSESSIONID=0123456789ABCDEF0123456789ABCDEF");
        assertThat(stale.headers().allValues("Set-Cookie")).as(file + " with a stale session").isEmpty();
        HttpResponse<Void> none = get(file, null);
        assertThat(none.headers().allValues("Set-Cookie")).as(file + " with no session").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"icons/icon-16x16.png", "manifest.webmanifest", "sw.js"})
    void a_file_asked_for_with_the_pages_session_is_served(String file) throws Exception {
        String session = get("login", null).headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID=")).map(cookie -> cookie.split(";")[0])
                .findFirst().orElseThrow();
        HttpResponse<Void> served = get(file, session);
        assertThat(served.statusCode()).as(file).isEqualTo(200);
        assertThat(served.headers().allValues("Set-Cookie")).isEmpty();
    }

    private HttpResponse<Void> get(String path, @Nullable String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }
}

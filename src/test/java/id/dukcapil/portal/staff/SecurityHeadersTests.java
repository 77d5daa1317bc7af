package id.dukcapil.portal.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import id.dukcapil.portal.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 12, finding 15: the browser is told what the portal's pages may do. */
@PortalTest
class SecurityHeadersTests {

    @LocalServerPort int port;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void a_page_carries_the_content_security_policy_and_its_companions() throws Exception {
        HttpResponse<String> page = get("/login", false);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'", "frame-ancestors 'self'", "object-src 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("Permissions-Policy")).contains("camera=(), microphone=(), geolocation=()");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("plain HTTP: no HSTS").isEmpty();
    }

    @Test
    void behind_a_tls_proxy_the_answer_has_hsts_and_a_secure_same_site_session_cookie() throws Exception {
        HttpResponse<String> page = get("/login", true);

        assertThat(page.headers().firstValue("Strict-Transport-Security")).get().asString().contains("max-age=");
        assertThat(page.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .isNotEmpty().allSatisfy(cookie -> assertThat(cookie).contains("Secure", "HttpOnly", "SameSite=Lax"));
    }

    @Test
    void an_api_answer_has_the_default_security_headers() throws Exception {
        HttpResponse<String> api = get("/api/v1/bds/service-points", false);

        assertThat(api.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(api.headers().firstValue("X-Frame-Options")).isPresent();
        assertThat(api.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
    }

    private HttpResponse<String> get(String path, boolean viaTlsProxy) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (viaTlsProxy) {
            request.header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

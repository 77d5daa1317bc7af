package id.dukcapil.portal.shared.internal.management;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 51 item 5 (decision 178): the office's Prometheus scrapes each node on its management port, with its own
 * account; the public port, where citizens and staff come, serves no meter to anyone.
 */
@PortalTest
class MetricsEndpointTests {

    private static final String SCRAPER = "prometheus";
    private static final String PASSWORD = "scrape-for-tests";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    @LocalServerPort int port;
    @LocalManagementPort int managementPort;
    @Value("${management.server.address}") String managementAddress;

    @Test
    void the_offices_prometheus_reads_the_jvm_the_pool_tomcat_and_the_portals_own_meters() throws Exception {
        HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus", SCRAPER, PASSWORD);

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains(
                "jvm_memory_used_bytes", "jvm_gc_", "process_cpu_usage",
                "hikaricp_connections_active", "tomcat_sessions_active_current_sessions",
                "portal_outbox_waiting{channel=\"email\"", "portal_outbox_oldest_age_seconds{channel=\"whatsapp\"",
                "portal_outbox_uncertain{channel=\"sms\"", "portal_signin_failures_total{",
                "portal_bookings_refused_total{reason=\"quota_full\"", "portal_signing_documents_total{",
                "portal_sla_breaches_open{procedure=\"b_kk_print\",step=\"b7_verification\"");
        assertThat(scrape.body()).as("the embedded MariaDB is no Galera node").doesNotContain("portal_galera_");
        assertThat(scrape.body()).as("the database is there").containsPattern("(?m)^portal_database_away 0\\.0$");
    }

    @Test
    void a_scrape_without_the_account_or_with_a_wrong_password_is_refused() throws Exception {
        assertThat(get(managementPort, "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        assertThat(get(managementPort, "/actuator/prometheus", SCRAPER, "guessed").statusCode()).isEqualTo(401);
        assertThat(get(managementPort, "/actuator/prometheus", "admin", PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void the_public_port_serves_no_meter_even_to_the_scraper() throws Exception {
        HttpResponse<String> scrape = get(port, "/actuator/prometheus", SCRAPER, PASSWORD);

        assertThat(scrape.statusCode()).isNotEqualTo(200);
        assertThat(scrape.body()).doesNotContain("jvm_memory_used_bytes");
    }

    @Test
    void the_management_port_listens_on_loopback_and_its_health_is_open_without_details() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(managementAddress).isEqualTo("127.0.0.1");
        HttpResponse<String> health = get(managementPort, "/actuator/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components", "MariaDB");
    }

    @Test
    void supervisors_still_find_liveness_and_readiness_on_the_public_port() throws Exception {
        assertThat(get(port, "/livez", null, null).body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get(port, "/readyz", null, null).body()).isEqualTo("{\"status\":\"UP\"}");
    }

    private HttpResponse<String> get(int port, String path, @Nullable String user, @Nullable String password)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

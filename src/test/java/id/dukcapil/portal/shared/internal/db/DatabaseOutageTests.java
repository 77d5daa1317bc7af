package id.dukcapil.portal.shared.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12, finding 4: when the database goes away the APIs answer 503 at once, and the portal serves again by
 * itself when it returns: the embedded one, killed outright, is started again by the watchdog, and the pool finds
 * it on the same port as it would find an external one. Health tells a supervisor which is which.
 */
@PortalTest
class DatabaseOutageTests {

    private static final String KIOSK_KEY = "adm_demo_kiosk_2026_soreang";
    /** Twice the request threads (server.tomcat.threads.max: 12). */
    private static final int OFFICE_CALLERS = 24;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    @LocalServerPort int port;
    @Autowired Clock clock;

    @Test
    void health_answers_anonymous_callers_without_details() throws Exception {
        assertThat(get("/livez")).satisfies(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"status\":\"UP\"}");
        });
        assertThat(get("/readyz")).satisfies(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"status\":\"UP\"}");
        });
        // The public port refuses the actuator's addresses whoever asks: it is on the management port (decision 178).
        for (String actuator : List.of("/actuator/health", "/actuator/env")) {
            assertThat(get(actuator)).as("the actuator is on the management port: %s", actuator).satisfies(answer -> {
                assertThat(answer.statusCode()).isIn(302, 401, 403);
                assertThat(answer.body()).doesNotContain("\"status\"").doesNotContain("propertySources");
            });
        }
    }

    /**
     * The office keeps asking while the database is away (boards, desks, phones: more callers than request threads),
     * so a citizen's request is answered at once only when no thread waits out the pool's time-out (decision 138).
     */
    @Test
    void while_the_database_is_away_the_apis_answer_503_at_once_and_a_killed_server_is_started_again() throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDb.running().orElseThrow();
        assertThat(availability().statusCode()).isEqualTo(200);
        ProcessHandle killed;
        long restartedAt;
        // Holding the server's lock keeps the watchdog's restart waiting until the outage has been observed.
        synchronized (db) {
            killed = db.process().orElseThrow();
            killed.destroyForcibly(); // kill -9
            assertThat(killed.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();

            HttpResponse<String> controller;
            long firstAnswerMillis;
            try (OfficeAsking office = new OfficeAsking(OFFICE_CALLERS)) {
                office.awaitAsking();
                long asked = System.nanoTime();
                controller = availability();
                firstAnswerMillis = (System.nanoTime() - asked) / 1_000_000;
            }
            HttpResponse<String> filter = kioskRelease();

            assertThat(firstAnswerMillis).as("the first answer while the database is away").isLessThan(5_000);
            for (HttpResponse<String> answer : List.of(controller, filter)) {
                assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                assertThat(answer.body()).contains("\"code\":\"SERVICE_UNAVAILABLE\"");
            }
            assertThat(get("/readyz").statusCode()).as("not ready").isEqualTo(503);
            assertThat(get("/livez").statusCode()).as("but alive").isEqualTo(200);
            System.out.printf("DATABASE OUTAGE first 503 after %d ms%n", firstAnswerMillis);
        }

        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (db.process().isEmpty()) {
            assertThat(System.nanoTime()).as("the watchdog starts the server again").isLessThan(deadline);
            Thread.sleep(50);
        }
        restartedAt = System.nanoTime();
        assertThat(db.process().orElseThrow().pid()).isNotEqualTo(killed.pid());
        awaitServing(Duration.ofSeconds(15));
        System.out.printf("DATABASE OUTAGE serving again %d ms after the database returned%n",
                (System.nanoTime() - restartedAt) / 1_000_000);
        assertThat(db.jdbcUrl()).as("on the same port").contains(":" + db.port() + "/");
        assertThat(kioskRelease().statusCode()).as("the kiosk API past its key check").isNotEqualTo(503);
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
    }

    /** Callers asking the database-backed API in a loop, each as soon as it has its answer. */
    private final class OfficeAsking implements AutoCloseable {

        private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        private final CountDownLatch asking;
        private volatile boolean open = true;

        OfficeAsking(int count) {
            asking = new CountDownLatch(count);
            for (int i = 0; i < count; i++) {
                callers.submit(() -> {
                    asking.countDown(); // about to ask: the measured request asks among them
                    while (open) {
                        availability();
                    }
                    return null;
                });
            }
        }

        void awaitAsking() throws InterruptedException {
            assertThat(asking.await(10, TimeUnit.SECONDS)).as("every caller asking").isTrue();
        }

        @Override
        public void close() {
            open = false;
            callers.close();
        }
    }

    private void awaitServing(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (availability().statusCode() != 200) {
            assertThat(System.nanoTime()).as("serving again within " + within).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> availability() throws IOException, InterruptedException {
        LocalDate today = LocalDate.now(clock);
        return get("/api/v1/bds/availability?servicePoint=UKL-320415&from=" + today + "&to=" + today.plusDays(7));
    }

    private HttpResponse<String> kioskRelease() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/adm/releases"))
                .timeout(Duration.ofSeconds(30)).header("X-Api-Key", KIOSK_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"qrContent\":\"KKPRINT:none\",\"pin\":\"000000\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

}

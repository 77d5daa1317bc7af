package id.dukcapil.portal.shared.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import id.dukcapil.portal.Benchmark;
import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.booking.CitizenTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 51 item 7 (decision 186): a server that answers, but whose sessions are killed again and again from another
 * session (as a failing server or a Galera node leaving the cluster does to them), is not a server that is away. A
 * booking burst over the API while every connection of the portal's account between two statements is killed every
 * half second is refused (503) at most once in a hundred requests, never answered 500, and every booking answered 201
 * is in the database. A benchmark ({@code ./mvnw -Pbenchmark verify -Dit.test=KilledConnectionsBurstBenchmark}), not
 * in the ordinary run nor the CI's guard: its figure depends on the machine's load (decision 186; met at a load of 3,
 * not at 30).
 */
@Benchmark
@DisabledIfSystemProperty(named = "benchmark.plan", matches = "guard")
@PortalTest
class KilledConnectionsBurstBenchmark {

    private static final String POINT = "UKL-320416";
    private static final int PLACES = 300;
    /** As many requests as the day has places and a third more: the issue's burst (436 for 327 places). */
    private static final int REQUESTS = PLACES + PLACES / 3;
    private static final Duration KILL_EVERY = Duration.ofMillis(500);
    private static final Pattern BOOKED = Pattern.compile("\"bookingCode\"\\s*:\\s*\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired BookingTestSupport support;
    @Autowired CitizenTokens citizenTokens;

    @Test
    void a_booking_burst_while_every_portal_connection_is_killed_again_and_again_is_refused_at_most_once_in_a_hundred()
            throws Exception {
        LocalDate day = support.workingDay(9);
        support.room(POINT, day, PLACES);
        List<String> niks = support.printReadyNiks(REQUESTS);
        assertThat(niks).hasSize(REQUESTS);
        Map<String, String> families = new java.util.HashMap<>();
        niks.forEach(nik -> families.put(nik, support.kkOf(nik)));
        List<String> tokens = support.citizens(REQUESTS / 10 + 1).stream()
                .map(citizen -> citizenTokens.issueToken(citizen).token()).toList();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();

        List<String> told = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Integer> statuses;
        int killed;
        try (Killer killer = new Killer(dataSource.unwrap(HikariDataSource.class))) {
            killer.awaitKills(3);
            List<Future<Integer>> answers = new ArrayList<>();
            try (ExecutorService phones = Executors.newFixedThreadPool(32)) {
                for (int i = 0; i < REQUESTS; i++) {
                    String nik = niks.get(i);
                    String token = tokens.get(i / 10);
                    int phone = i;
                    answers.add(phones.submit(() -> {
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/api/v1/bds/bookings"))
                                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                                .header("Idempotency-Key", "killed-" + nik).header("Content-Type", "application/json")
                                .header("X-Forwarded-For", "100.65.%d.%d".formatted(phone / 250, phone % 250 + 1))
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"nik":"%s","kkNumber":"%s","servicePoint":"%s","date":"%s"}"""
                                        .formatted(nik, families.get(nik), POINT, day))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 201) {
                            Matcher code = BOOKED.matcher(answer.body());
                            assertThat(code.find()).as(answer.body()).isTrue();
                            told.add(code.group(1));
                        }
                        return answer.statusCode();
                    }));
                }
                statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
            }
            killed = killer.killed.get();
        }

        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach(status -> counts.merge(status, 1L, Long::sum));
        long refused = counts.getOrDefault(503, 0L);
        System.out.printf("KILLED CONNECTIONS burst: %d requests while %d connections were killed: answers %s; "
                + "%.1f %% refused 503%n", REQUESTS, killed, counts, 100.0 * refused / REQUESTS);
        assertThat(killed).as("connections killed during the burst").isGreaterThan(50);
        assertThat(statuses).as("every request answered: booked, the day full, or refused").allMatch(
                status -> status == 201 || status == 409 || status == 503);
        assertThat(refused).as("requests refused 503 while the server answers").isLessThanOrEqualTo(REQUESTS / 100);
        for (String code : told) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM booking_booking WHERE code = ? AND day = ?",
                    Integer.class, code, day)).as("booking %s answered 201 is in the database", code).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT booked FROM booking_day WHERE service_point = ? AND day = ?",
                Integer.class, POINT, day)).as("the day's counter, its bookings").isEqualTo(
                jdbc.queryForObject("SELECT COUNT(*) FROM booking_booking WHERE service_point = ? AND day = ? "
                        + "AND status <> 'CANCELLED'", Integer.class, POINT, day));
    }

    /**
     * Another session, of the same account outside the pool, that kills every other connection of the account that is
     * between two statements (idle in the pool, or in a transaction between its statements), in a loop. A statement
     * under way is left to finish: a read killed in its middle outside a unit of work is lost whatever the portal
     * does, and answered 503 honestly; what the issue found was the connections a new one would have replaced.
     */
    private static final class Killer implements AutoCloseable {

        final AtomicInteger killed = new AtomicInteger();
        private final AtomicInteger rounds = new AtomicInteger();
        private final Connection session;
        private final Thread thread;
        private volatile boolean running = true;

        Killer(HikariDataSource pool) throws SQLException {
            session = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
            thread = Thread.ofPlatform().name("connection-killer").start(this::killAgainAndAgain);
        }

        private void killAgainAndAgain() {
            try (PreparedStatement others = session.prepareStatement("SELECT id FROM information_schema.processlist "
                    + "WHERE user = SUBSTRING_INDEX(CURRENT_USER(), '@', 1) AND id <> CONNECTION_ID() AND command = 'Sleep'"); Statement kill = session.createStatement()) {
                while (running) {
                    List<Long> ids = new ArrayList<>();
                    try (ResultSet rows = others.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getLong(1));
                        }
                    }
                    for (long id : ids) {
                        try {
                            kill.execute("KILL CONNECTION " + id);
                            killed.incrementAndGet();
                        } catch (SQLException gone) {
                            // ended meanwhile
                        }
                    }
                    rounds.incrementAndGet();
                    Thread.sleep(KILL_EVERY);
                }
            } catch (SQLException | InterruptedException e) {
                if (running) {
                    throw new IllegalStateException("the killer stopped", e);
                }
            }
        }

        void awaitKills(int count) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (rounds.get() < count) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(10);
            }
        }

        @Override
        public void close() throws Exception {
            running = false;
            thread.join(5_000);
            session.close();
        }
    }
}

package id.dukcapil.portal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.browser.Browser;
import id.dukcapil.portal.packaged.AuditChainCheck;
import id.dukcapil.portal.packaged.BdsCitizens;
import id.dukcapil.portal.packaged.PortalProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 40's cluster suite: the deployment of {@code deploy/cluster/} (docs/cluster.md) on loopback
 * — three Galera nodes, HAProxy, two packaged portal nodes, an SMTP sink — and what must hold on it: bookings from
 * both nodes within every rule, also while a Galera node or a portal node is killed; a desk's call on one node on
 * the other node's board; each scheduled job once per cluster per period; one audit chain under one key. The tests
 * run in order on one cluster: the kills come after what needs every node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalOnGaleraClusterIT {

    private static final String POINT = "UKL-320415";
    /** The jobs' periods here, short enough to see several in the suite (their production periods are minutes). */
    private static final Duration FIXED_DELAY = Duration.ofSeconds(5);
    private static final Duration CRON_PERIOD = Duration.ofSeconds(10);
    private static PortalCluster cluster;
    private static long startedAt;
    private static int dayAhead = 3;
    private static boolean anyFailed;

    /** The cluster's folder (every log, every data folder) is kept when a test failed. */
    @RegisterExtension
    static final TestWatcher FAILURES = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            anyFailed = true;
        }
    };

    @BeforeAll
    static void startTheCluster() throws Exception {
        startedAt = System.nanoTime();
        cluster = new PortalCluster("cluster-suite-", Haproxy.Writers.ONE,
                "--portal.events.resubmit-interval=" + FIXED_DELAY, "--portal.kkprint.watch-interval=" + FIXED_DELAY,
                "--portal.reports.rollup-interval=" + FIXED_DELAY,
                "--portal.audit.anchor-cron=*/" + CRON_PERIOD.toSeconds() + " * * * * *",
                "--portal.audit.anchor-lock-at-least-for=PT" + (CRON_PERIOD.toSeconds() - 2) + "S");
        try {
            cluster.start();
        } catch (Exception | AssertionError notStarted) {
            anyFailed = true; // the nodes' logs say why: they are kept
            throw notStarted;
        }
        System.out.printf("CLUSTER: three Galera nodes, HAProxy and two portal nodes ready in %.0f s%n",
                (System.nanoTime() - startedAt) / 1e9);
    }

    @AfterAll
    static void stopTheCluster() {
        if (cluster != null) {
            if (!anyFailed) {
                cluster.passed();
            }
            cluster.close();
        }
        System.out.printf("CLUSTER: the suite took %.0f s, the cluster's start and end included%n",
                (System.nanoTime() - startedAt) / 1e9);
    }

    @Test
    @Order(0)
    void both_nodes_started_together_on_the_empty_database_made_one_schema_and_one_first_start() throws Exception {
        try (Connection db = cluster.database(); Statement statement = db.createStatement()) {
            assertThat(count(statement, "SELECT COUNT(*) - COUNT(DISTINCT id, author, filename) FROM DATABASECHANGELOG"))
                    .as("change sets applied twice").isZero();
            assertThat(count(statement, "SELECT COUNT(*) FROM population_family")).as("the demo regency's families")
                    .isEqualTo(2000);
            assertThat(count(statement, "SELECT COUNT(*) FROM kkprint_request")).as("the demo KK requests")
                    .isEqualTo(17);
            assertThat(count(statement, "SELECT COUNT(*) FROM signing_certificate")).as("the demo signing certificate")
                    .isEqualTo(1);
            assertThat(count(statement, "SELECT COUNT(*) FROM (SELECT service_point FROM blanko_movement WHERE "
                    + "reference = 'DEMO/SPB/2026/001' GROUP BY service_point HAVING COUNT(*) > 1) twice"))
                    .as("service points given the demo delivery twice").isZero();
        }
    }

    private static int count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    @Order(1)
    void a_booking_burst_over_both_portal_nodes_keeps_every_rule() throws Exception {
        // Through HAProxy's /api and straight to each node in turn: both nodes book for the same day.
        BdsCitizens citizens = cluster.citizens(List.of(cluster.entrance(), node(0), node(1)));
        BdsCitizens.Burst burst = citizens.burst(POINT, nextWorkingDay()).start();
        burst.finish(Duration.ofMinutes(3));

        System.out.printf("CLUSTER burst over both nodes: %d places, %d booked, %d tries answered 5xx or nothing%n",
                burst.places, burst.booked.get(), burst.failedTries());
        assertThat(burst.booked.get()).as("the day filled").isEqualTo(burst.places);
        burst.assertTheRulesHeld(0);
    }

    @Test
    @Order(2)
    void a_number_called_at_a_recording_desk_on_one_node_shows_on_the_board_of_the_other_within_a_second()
            throws Exception {
        String point;
        String ticket = "K-9" + (System.currentTimeMillis() % 100);
        try (Connection db = cluster.database()) {
            try (PreparedStatement desk = db.prepareStatement("SELECT p.code FROM staff_account a "
                    + "JOIN staff_service_point p ON p.id = a.service_point_id WHERE a.username = 'perekaman'");
                 ResultSet row = desk.executeQuery()) {
                assertThat(row.next()).isTrue();
                point = row.getString(1);
            }
            // Registered and queued as the registration desk leaves a visit, first in the queue (sent back, elderly).
            try (PreparedStatement visit = db.prepareStatement("""
                    INSERT INTO recording_visit (service_point, day, nik, full_name, state, queue_number, ticket, priority,
                        requeued, registered_by, started_at, queued_at)
                    VALUES (?, ?, '3204150101900001', 'Cluster Suite', 'QUEUED', ?, ?, 'ELDERLY', TRUE, 'registrasi', ?,
                        ?)""")) {
                visit.setString(1, point);
                visit.setObject(2, LocalDate.now(ZoneId.of("Asia/Jakarta")));
                visit.setInt(3, 900 + (int) (System.currentTimeMillis() % 100));
                visit.setString(4, ticket);
                visit.setObject(5, LocalDateTime.now(ZoneId.of("UTC")));
                visit.setObject(6, LocalDateTime.now(ZoneId.of("UTC")));
                visit.executeUpdate();
            }
        }
        try (Browser board = new Browser(node(1).getPort(), 1280, 720);
             Browser desk = new Browser(node(0).getPort(), 1440, 900)) {
            board.open("antrean/" + point);
            board.await(By.id("board-number"));
            desk.signIn("perekaman", "Dukcapil#2026");
            desk.await(By.tagName("vaadin-app-layout"));
            desk.open("perekaman");
            desk.await(By.id("recording-call-next"));
            desk.awaitSettled();

            // The two moments are taken in the browsers themselves (one machine, one clock): the click event at the
            // desk and the board's text changing. WebDriver's own round trips (the click command, each read of the
            // board) are the test's time, not the office's, and on a slow machine they add a few tenths of a second.
            board.driver.executeScript("""
                    const ticket = arguments[0];
                    window.portalShownAt = null;
                    const seen = () => {
                      const number = document.getElementById('board-number');
                      if (window.portalShownAt === null && number && number.textContent.includes(ticket)) {
                        window.portalShownAt = Date.now();
                      }
                    };
                    new MutationObserver(seen).observe(document.body,
                        {subtree: true, childList: true, characterData: true});""", ticket);
            desk.driver.executeScript("""
                    const ticket = arguments[0];
                    window.portalCalledAt = null;
                    window.portalAnsweredAt = null;
                    document.getElementById('recording-call-next').addEventListener('click',
                        () => window.portalCalledAt = Date.now(), {capture: true, once: true});
                    new MutationObserver(() => {
                      const called = document.getElementById('recording-called');
                      if (window.portalAnsweredAt === null && called && called.textContent.includes(ticket)) {
                        window.portalAnsweredAt = Date.now();
                      }
                    }).observe(document.body, {subtree: true, childList: true, characterData: true});""", ticket);
            long clicked = System.nanoTime();
            desk.driver.findElement(By.id("recording-call-next")).click();
            // Waits up to 30 s for the call to reach the other node's board.
            Number shownAt = new WebDriverWait(board.driver, Duration.ofSeconds(30), Duration.ofMillis(20))
                    .until(browser -> (Number) board.driver.executeScript("return window.portalShownAt;"));
            double withWebDriver = (System.nanoTime() - clicked) / 1e9;
            desk.awaitText(By.id("recording-called"), ticket);
            Number calledAt = (Number) desk.driver.executeScript("return window.portalCalledAt;");
            Number answeredAt = (Number) desk.driver.executeScript("return window.portalAnsweredAt;");
            assertThat(calledAt).as("the desk's click was seen").isNotNull();
            double seconds = (shownAt.longValue() - calledAt.longValue()) / 1e3;
            System.out.printf("CLUSTER board: a number called at node 1's desk on node 2's board in %.2f s (the desk "
                    + "showed its call in %s s; %.2f s with WebDriver's round trips)%n", seconds,
                    answeredAt == null ? "?" : "%.2f".formatted((answeredAt.longValue() - calledAt.longValue()) / 1e3),
                    withWebDriver);
            assertThat(seconds).as("seconds from the call at node 1 to node 2's board").isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    @Order(3)
    void each_scheduled_job_runs_once_per_cluster_per_period() throws Exception {
        // Both nodes have run side by side since the start; wait until every job has had a few periods.
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Map<String, List<LocalDateTime>> seen = cluster.jobRuns();
        while (System.nanoTime() < deadline && (seen.getOrDefault("audit-daily-anchor", List.of()).size() < 4
                || seen.getOrDefault("kkprint-overdue-watch", List.of()).size() < 4)) {
            Thread.sleep(1_000);
            seen = cluster.jobRuns();
        }
        Map<String, List<LocalDateTime>> runs = seen;
        Map<String, Duration> periods = Map.of("notification-outbox-sender", Duration.ofSeconds(1),
                "kkprint-overdue-watch", FIXED_DELAY, "reports-rollups", FIXED_DELAY,
                "shared-failed-event-resubmission", FIXED_DELAY, "audit-daily-anchor", CRON_PERIOD);
        System.out.println("CLUSTER jobs: runs seen " + runs.entrySet().stream()
                .map(job -> job.getKey() + " " + job.getValue().size()).toList());
        assertThat(runs.getOrDefault("notification-outbox-sender", List.of())).as("a fixed-delay job's runs").hasSizeGreaterThanOrEqualTo(4);
        assertThat(runs.getOrDefault("kkprint-overdue-watch", List.of())).as("a fixed-delay job's runs").hasSizeGreaterThanOrEqualTo(4);
        assertThat(runs.getOrDefault("audit-daily-anchor", List.of())).as("a cron job's runs").hasSizeGreaterThanOrEqualTo(4);
        List<String> twice = new ArrayList<>();
        periods.forEach((job, period) -> {
            List<LocalDateTime> times = runs.getOrDefault(job, List.of());
            for (int i = 1; i < times.size(); i++) {
                Duration gap = Duration.between(times.get(i - 1), times.get(i));
                // Once per period wherever it runs: a second run within half a period is another node's.
                if (gap.compareTo(period.dividedBy(2)) < 0) {
                    twice.add("%s at %s, %d ms after the run before".formatted(job, times.get(i), gap.toMillis()));
                }
            }
        });
        assertThat(twice).as("runs of a job within half its period of the one before").isEmpty();
    }

    @Test
    @Order(4)
    void thirty_requests_trickled_through_haproxy_hold_no_node_and_everyone_else_is_served() throws Exception {
        // Issue 52 item 3: fourteen connections sending a byte every 5 s held both nodes' request threads. HAProxy
        // now reads a request whole before a node sees it, and cuts one that takes longer than 10 s (decision 179).
        List<Socket> trickles = new ArrayList<>();
        List<Thread> writers = new ArrayList<>();
        int port = cluster.entrance().getPort();
        try {
            for (int i = 0; i < 30; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/bds/sessions HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                trickles.add(socket);
                writers.add(Thread.ofVirtual().start(() -> {
                    try {
                        for (int b = 0; b < 200; b++) {
                            out.write('a');
                            out.flush();
                            Thread.sleep(2_000);
                        }
                    } catch (IOException | InterruptedException closed) {
                        // cut off by HAProxy, or by the test
                    }
                }));
            }
            Thread.sleep(2_000);
            HttpClient client = HttpClient.newHttpClient();
            for (String path : List.of("login", "api/v1/bds/service-points")) {
                long started = System.nanoTime();
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(
                        cluster.entrance().resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("CLUSTER %s while 30 requests trickle: %d in %.2f s%n", path, answer.statusCode(),
                        seconds);
                assertThat(answer.statusCode()).as(path).isEqualTo(200);
                assertThat(seconds).as(path + " answered in seconds").isLessThan(1.0);
            }
            long started = System.nanoTime();
            String head = new String(trickles.getFirst().getInputStream().readNBytes(12),
                    StandardCharsets.US_ASCII);
            double cutAfter = (System.nanoTime() - started) / 1e9 + 2;
            System.out.printf("CLUSTER a trickled request answered \"%s\" after %.1f s%n", head, cutAfter);
            assertThat(head).as("HAProxy's answer to a request not received within 10 s").isEqualTo("HTTP/1.1 408");
            assertThat(cutAfter).isBetween(8.0, 14.0);
        } finally {
            writers.forEach(Thread::interrupt);
            for (Socket socket : trickles) {
                socket.close();
            }
        }
    }

    /**
     * Issue 51 item 6 (decision 186): the writing node cut off from the others mid-burst is taken out by HAProxy's
     * check of its {@code wsrep} state (a handshake it still answers), the writes go to a node of the primary
     * component, no request waits for ever, and the node rejoins by itself once it can reach the others again.
     */
    @Test
    @Order(5)
    void a_burst_while_the_writing_galera_node_is_cut_off_goes_on_through_a_primary_node_and_the_node_rejoins()
            throws Exception {
        BdsCitizens citizens = cluster.citizens(List.of(cluster.entrance(), node(0), node(1)));
        BdsCitizens.Burst burst = citizens.burst(POINT, nextWorkingDay()).start();
        // As with the killed writer below: citizens who start once the writer is cut off, for a day of their own.
        BdsCitizens.Burst after = citizens.burst(POINT, nextWorkingDay());
        burst.awaitBooked(burst.places / 3);
        GaleraNode writer = cluster.writer();
        writer.isolate(true);
        long isolated = System.nanoTime();
        after.start();
        burst.finish(Duration.ofMinutes(3));
        after.finish(Duration.ofMinutes(3));
        double failover = after.secondsToFirstBookingAfter(isolated);
        GaleraNode newWriter = cluster.writer();
        boolean cutOffMeanwhile = !writer.synced();

        long letBack = System.nanoTime();
        writer.isolate(false);
        writer.awaitSynced();
        double rejoin = (System.nanoTime() - letBack) / 1e9;
        double longest = java.util.stream.Stream.concat(burst.attempts.stream(), after.attempts.stream())
                .mapToLong(attempt -> attempt.answered() - attempt.sent()).max().orElse(0) / 1e9;
        System.out.printf("CLUSTER Galera writer %s cut off in a burst (gmcast.isolate): %d booked; answers %s; first "
                        + "booking after the cut %.1f s later, through %s; longest try %.1f s; rejoined %.1f s after "
                        + "isolate=0%n", writer.name, burst.booked.get(), burst.answerCounts(), failover, newWriter.name,
                longest, rejoin);
        assertThat(cutOffMeanwhile).as("%s was out of the primary component until let back", writer.name).isTrue();
        assertThat(newWriter.name).as("the writes went to another node").isNotEqualTo(writer.name);
        assertThat(burst.booked.get()).as("the day filled").isEqualTo(burst.places);
        assertThat(after.booked.get()).as("the next day filled, booked after the cut").isEqualTo(after.places);
        assertThat(failover).as("seconds from the cut to the first booking after it").isLessThanOrEqualTo(10.0);
        assertThat(longest).as("seconds of the longest try: none hangs").isLessThan(30.0);
        burst.assertTheRulesHeld(0);
        after.assertTheRulesHeld(0);
    }

    @Test
    @Order(6)
    void a_burst_while_the_writing_galera_node_is_killed_keeps_every_rule_and_the_node_rejoins_by_itself()
            throws Exception {
        BdsCitizens citizens = cluster.citizens(List.of(cluster.entrance(), node(0), node(1)));
        BdsCitizens.Burst burst = citizens.burst(POINT, nextWorkingDay()).start();
        // Citizens who start booking once the writer is gone, for a day of their own: the burst's booking batches may
        // fill its day with requests sent before the kill, and then no booking after it measures the failover (the
        // suite on 2026-11-27 found none).
        BdsCitizens.Burst after = citizens.burst(POINT, nextWorkingDay());
        burst.awaitBooked(burst.places / 3);
        GaleraNode writer = cluster.writer();
        long logBefore = writer.errorLogLength();
        writer.kill();
        long killed = System.nanoTime();
        after.start();
        burst.finish(Duration.ofMinutes(3));
        after.finish(Duration.ofMinutes(3));
        double failover = after.secondsToFirstBookingAfter(killed);

        // The service manager starts it again (Debian's unit: galera_recovery, then the server).
        long restarted = System.nanoTime();
        writer.restartAfterCrash();
        writer.awaitSynced();
        double rejoin = (System.nanoTime() - restarted) / 1e9;
        String log = writer.errorLogSince(logBefore);
        System.out.printf("CLUSTER Galera writer %s killed in a burst: %d booked; clients saw errors for %.1f s (%d tries "
                        + "5xx or nothing); first booking after the kill %.1f s later; rejoined in %.1f s%n", writer.name,
                burst.booked.get(), burst.errorSeconds(), burst.failedTries(), failover, rejoin);
        assertThat(burst.booked.get()).as("the day filled").isEqualTo(burst.places);
        assertThat(after.booked.get()).as("the next day filled, booked after the kill").isEqualTo(after.places);
        assertThat(failover).as("seconds from kill -9 of the writer to the first booking after it").isLessThanOrEqualTo(10.0);
        burst.assertTheRulesHeld(1);
        after.assertTheRulesHeld(1);
        String transfers = String.join("\n", log.lines().filter(line -> line.contains("IST") || line.contains("SST")
                || line.contains("State transfer") || line.contains("position")).toList());
        // The SST script runs either way; with IST the donor only tells it to stand aside ("bypass"), no copy is made.
        assertThat(log).as("the node took what it missed from the others (IST), not a full copy: %s", transfers)
                .contains("IST received").doesNotContain("Preparing the backup");
    }

    @Test
    @Order(7)
    void a_burst_while_a_portal_node_is_killed_keeps_every_rule() throws Exception {
        BdsCitizens citizens = cluster.citizens(List.of(cluster.entrance()));
        BdsCitizens.Burst burst = citizens.burst(POINT, nextWorkingDay()).start();
        // Citizens who start booking once the node is gone, for a day of their own: the burst's day may fill on the
        // other node before any of its requests is sent again, and then no booking after the kill measures the
        // failover (a run on a slower machine found none).
        BdsCitizens.Burst after = citizens.burst(POINT, nextWorkingDay());
        burst.awaitBooked(burst.places / 3);
        PortalProcess killedNode = cluster.portals.getFirst();
        long killed = System.nanoTime();
        killedNode.killJvm();
        after.start();
        burst.finish(Duration.ofMinutes(3));
        after.finish(Duration.ofMinutes(3));
        double failover = after.secondsToFirstBookingAfter(killed);
        // Its service manager starts it again, beside the node that took over its citizens.
        long ready = killedNode.start();
        System.out.printf("CLUSTER portal node 1 killed in a burst: %d booked; clients saw errors for %.1f s (%d tries "
                        + "5xx or nothing); first booking after the kill %.1f s later; node 1 ready again in %d ms%n",
                burst.booked.get(), burst.errorSeconds(), burst.failedTries(), failover, ready);
        assertThat(burst.booked.get()).as("the day filled").isEqualTo(burst.places);
        assertThat(after.booked.get()).as("the next day filled, booked after the kill").isEqualTo(after.places);
        assertThat(failover).as("seconds from kill -9 of a portal node to the next booking through HAProxy")
                .isLessThanOrEqualTo(5.0);
        burst.assertTheRulesHeld(1);
        after.assertTheRulesHeld(1);
    }

    @Test
    @Order(8)
    void a_clerk_whose_node_dies_signs_in_on_the_other_and_finds_the_work_saved() throws Exception {
        long id;
        String tracking;
        try (Connection db = cluster.database();
             ResultSet first = db.createStatement().executeQuery("SELECT id, tracking_number FROM kkprint_request "
                     + "WHERE state = 'SUBMITTED' ORDER BY id LIMIT 1")) {
            assertThat(first.next()).as("a demo KK request waiting for the operator").isTrue();
            id = first.getLong(1);
            tracking = first.getString(2);
        }
        try (Connection db = cluster.database();
             PreparedStatement furthestOver = db.prepareStatement(
                     "UPDATE kkprint_request SET step_due_at = '2001-01-01 00:00:00' WHERE id = ?")) {
            // Furthest over its standard: the inbox's first row, in sight whatever else the inbox holds.
            furthestOver.setLong(1, id);
            furthestOver.executeUpdate();
        }
        try (Browser browser = new Browser(cluster.entrance().getPort(), 1440, 900)) {
            browser.signIn("operator", PortalTest.DEMO_PASSWORD);
            browser.await(By.tagName("h2"));
            browser.open("kk/operator");
            browser.await(By.id("claim-" + id)).click();
            browser.awaitTextAnywhere("Permohonan diambil.");
            // HAProxy's cookie names the node the clerk's session lives on: that node dies.
            String node = browser.driver.manage().getCookieNamed("PORTAL_NODE").getValue();
            PortalProcess clerksNode = cluster.portals.get(Integer.parseInt(node.replace("portal", "")) - 1);
            clerksNode.killJvm();
            long killed = System.nanoTime();

            // The clerk's next page comes from the other node, which has no session for them: the sign-in page.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            do {
                browser.open("kk/operator");
                Thread.sleep(500);
            } while (browser.driver.findElements(By.cssSelector("vaadin-login-form")).isEmpty()
                    && System.nanoTime() < deadline);
            double toSignIn = (System.nanoTime() - killed) / 1e9;
            browser.signIn("operator", PortalTest.DEMO_PASSWORD); // and back to the inbox it asked for
            browser.await(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + tracking + "']"));
            System.out.printf("CLUSTER clerk's node killed: the sign-in page of the other node %.1f s later%n",
                    toSignIn);
            assertThat(browser.driver.manage().getCookieNamed("PORTAL_NODE").getValue()).isNotEqualTo(node);
            assertThat(browser.driver.findElements(By.id("claim-" + id))).as("taken already, nothing to take").isEmpty();
            clerksNode.start();
        }
        try (Connection db = cluster.database();
             PreparedStatement saved = db.prepareStatement("SELECT r.state, (SELECT COUNT(*) FROM audit_entry a "
                     + "WHERE a.action = 'kkprint.request.claimed' AND a.subject_id = r.tracking_number) "
                     + "FROM kkprint_request r WHERE r.id = ?")) {
            saved.setLong(1, id);
            try (ResultSet row = saved.executeQuery()) {
                row.next();
                assertThat(row.getString(1)).as("the request the clerk took").isEqualTo("IN_CHECK");
                assertThat(row.getInt(2)).as("its taking in the audit log, once").isEqualTo(1);
            }
        }
    }

    @Test
    @Order(9)
    void the_audit_chain_verifies_over_both_nodes_writes_under_one_key() throws Exception {
        AuditChainCheck.assertVerifies(cluster, PortalCluster.CHAIN_KEY);
    }

    private static URI node(int index) {
        return cluster.portals.get(index).url("/");
    }

    private static LocalDate nextWorkingDay() {
        LocalDate day = BdsCitizens.workingDay(dayAhead);
        dayAhead = (int) ChronoUnit.DAYS.between(LocalDate.now(ZoneId.of("Asia/Jakarta")), day) + 1;
        return day;
    }
}

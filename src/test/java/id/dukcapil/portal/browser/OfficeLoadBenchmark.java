package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.Benchmark;
import id.dukcapil.portal.PackagedPortal;
import id.dukcapil.portal.PortalTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 37's whole office on one node: {@code office.sessions} staff sessions (150) in their roles' main views and
 * {@code office.boards} waiting-room boards (35), each a real page of the packaged production jar in one headless
 * Chromium, every session in a browser context of its own (its own cookies, its own Vaadin session). The live views
 * (boards, desks, inboxes) are told of the office's changes over push (decision 139); those with clocks on them are
 * read again every 5 s (IKD) or 15 s (KK inboxes), the others once a minute. Figures, each beside its baseline in the same run: the heap in use after a full
 * collection, per board and per staff session, against the node with nothing open; the node's CPU (the JVM and its
 * embedded MariaDB) while the office is open and nobody acts, the polling's cost, against the same node idle with
 * nothing open. Chromium's own CPU is not the node's and is not counted.
 */
@Benchmark
class OfficeLoadBenchmark {

    private static final int SESSIONS = Integer.getInteger("office.sessions", 150);
    private static final int BOARDS = Integer.getInteger("office.boards", 35);
    private static final Duration IDLE = Duration.ofSeconds(Long.getLong("office.idle-seconds", 60));

    /** A demo user at the main view of their work. */
    private record Desk(String user, String route) {
    }

    /**
     * A regency's working day (31 UKL, the MPP, the Dinas), 150 sessions: a registration and a recording desk at 33
     * points, 20 counters, 20 IKD desks, 15 KK operators, 10 verifiers, 6 print operators, the Kepala Dinas, 4
     * planners, 4 managers, 2 administrators, 2 field teams.
     */
    private static final List<Desk> OFFICE = office(Map.ofEntries(
            Map.entry(new Desk("registrasi", "registrasi"), 33), Map.entry(new Desk("perekaman", "perekaman"), 33),
            Map.entry(new Desk("operator", "counter"), 20), Map.entry(new Desk("ikd", "ikd"), 20),
            Map.entry(new Desk("operator", "kk/operator"), 15), Map.entry(new Desk("verifikator", "kk/verifier"), 10),
            Map.entry(new Desk("cetak", "cetak-sekolah"), 6), Map.entry(new Desk("kadis", "signing"), 1),
            Map.entry(new Desk("perencana", "jadwal-sekolah"), 4), Map.entry(new Desk("manajer", "reports"), 4),
            Map.entry(new Desk("admin", "audit"), 2), Map.entry(new Desk("lapangan", "lapangan"), 2)));

    @Test
    void a_whole_office_open_on_one_node() throws Exception {
        Path folder = PackagedPortal.newFolder("portal-office-");
        try (PackagedPortal portal = PackagedPortal.start(PackagedPortal.jar(), folder,
                Map.of("PORTAL_DEMO_FILL", "at-start"));
             Browser browser = Browser.forAnOffice(portal.port);
             BrowserContexts contexts = new BrowserContexts(browser)) {
            Thread.sleep(20_000); // the start's own work (caches, compilation) settles
            long heapNothingOpen = portal.heapUsedMiB();
            double cpuNothingOpen = cpuShareOfOneCore(portal, IDLE);

            String boardContext = contexts.create();
            List<String> points = servicePoints();
            for (int board = 0; board < BOARDS; board++) {
                browser.driver.switchTo().window(contexts.open(boardContext, "about:blank"));
                browser.open("antrean/" + points.get(board % points.size()));
                browser.awaitVaadinIdle();
            }
            long heapBoards = portal.heapUsedMiB();

            long signInStarted = System.nanoTime();
            for (int session = 0; session < SESSIONS; session++) {
                Desk desk = OFFICE.get(session * OFFICE.size() / SESSIONS);
                browser.driver.switchTo().window(contexts.open(contexts.create(), "about:blank"));
                browser.signIn(desk.user(), PortalTest.DEMO_PASSWORD);
                browser.awaitLeft("login");
                browser.open(desk.route());
                browser.awaitSettled();
            }
            long openingMillis = (System.nanoTime() - signInStarted) / 1_000_000;
            Thread.sleep(10_000);
            long heapOffice = portal.heapUsedMiB();
            double cpuOffice = cpuShareOfOneCore(portal, IDLE);
            assertThat(browser.driver.getWindowHandles()).as("every page still open")
                    .hasSizeGreaterThanOrEqualTo(BOARDS + SESSIONS);

            System.out.printf("BENCHMARK office %d staff sessions and %d boards (opened in %d s): heap in use after a "
                            + "full GC %d MiB with nothing open, %d MiB with the boards, %d MiB with the office: %.2f MiB "
                            + "per board, %.2f MiB per staff session%n", SESSIONS, BOARDS, openingMillis / 1000,
                    heapNothingOpen, heapBoards, heapOffice, (double) (heapBoards - heapNothingOpen) / BOARDS,
                    (double) (heapOffice - heapBoards) / SESSIONS);
            System.out.printf("BENCHMARK office node CPU (JVM and embedded MariaDB) over %d s while nobody acts: "
                            + "%.1f %% of one core with the office open, %.1f %% with nothing open%n",
                    IDLE.toSeconds(), 100 * cpuOffice, 100 * cpuNothingOpen);
        } catch (Exception | AssertionError failed) {
            keepTheLogs(folder);
            throw failed;
        } finally {
            FileSystemUtils.deleteRecursively(folder);
        }
    }

    /** A failed run's portal logs, kept where the folder's deletion does not reach them. */
    private static void keepTheLogs(Path folder) throws IOException {
        try (var logs = Files.list(folder)) {
            for (Path log : logs.filter(file -> file.getFileName().toString().endsWith(".log")).toList()) {
                Files.copy(log, folder.resolveSibling("office-" + log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The node's CPU time over {@code period}, as a share of one core: the JVM and its children (MariaDB). */
    private static double cpuShareOfOneCore(PackagedPortal portal, Duration period) throws Exception {
        long before = portal.cpuMillisWithChildren();
        long started = System.nanoTime();
        Thread.sleep(period.toMillis());
        long after = portal.cpuMillisWithChildren();
        return (after - before) / ((System.nanoTime() - started) / 1e6);
    }

    private static List<String> servicePoints() throws IOException {
        try (InputStream csv = OfficeLoadBenchmark.class.getResourceAsStream("/demo/kabupaten-bandung-service-points.csv")) {
            return new String(csv.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.substring(0, line.indexOf(','))).toList();
        }
    }

    private static List<Desk> office(Map<Desk, Integer> counts) {
        List<Desk> desks = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey(
                        java.util.Comparator.comparing(Desk::route)))
                .forEach(entry -> IntStream.range(0, entry.getValue()).forEach(i -> desks.add(entry.getKey())));
        return List.copyOf(desks);
    }
}

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
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import id.dukcapil.portal.packaged.BdsCitizens;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
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
 * read again every 5 s (IKD) or 15 s (KK inboxes), the others once a minute.
 *
 * <p>Figures, each beside its baseline in the same run: the heap in use after a full collection, per board and per
 * staff session, against the node with nothing open; the node's CPU (the JVM and its embedded MariaDB) while the
 * office is open and nobody acts, the polling's cost, against the same node idle with nothing open. Chromium's own
 * CPU is not the node's and is not counted.
 *
 * <p>Then the office works for {@code office.work-seconds} (600): every counter checks a booking in every
 * {@code office.check-in-seconds} (5), every registration desk queues a resident for recording every
 * {@code office.registration-seconds} (180: NIK, documents received, in order, queue number), every recording desk
 * calls the next number every {@code office.call-seconds} (180) and records it 3 s later. These desks act in their
 * own pages, all at once: each page runs its user's acts through a DevTools session of its own
 * ({@link BrowserContexts#evaluate}; ChromeDriver reaches one window at a time), types and clicks as the user does
 * and times in the page each act from the click (or Enter) to its result in the page with Vaadin idle
 * ({@link DeskActions}). Each acting desk is its own user at its own point (a copy of the role's demo user,
 * {@link OfficeData#deskUsers}): counters at the first points of the regency, a registration and a recording desk at
 * each of the 33, a board at each point. The other sessions (IKD desks, KK inboxes, signing, planners, reports,
 * audit) stay open and are told of what the working desks change. Citizens' bookings are made beforehand through the
 * BDS API ({@link OfficeData#bookingsForToday}). Reported: each act's count, median and p95 while the office works,
 * beside the same acts by one desk of each kind with nothing else open (the baseline, {@code office.baseline-acts}
 * each, before the office opens); each call's time from the click at the desk to its number on its point's board
 * (the board's own clock is the browser's, as the desk's), beside the same with nothing else open.
 */
@Benchmark
class OfficeLoadBenchmark {

    private static final int SESSIONS = Integer.getInteger("office.sessions", 150);
    private static final int BOARDS = Integer.getInteger("office.boards", 35);
    private static final Duration IDLE = Duration.ofSeconds(Long.getLong("office.idle-seconds", 60));
    /** How long the office works once open (issue 37: ten minutes). */
    private static final Duration WORK = Duration.ofSeconds(Long.getLong("office.work-seconds", 600));
    private static final Duration CHECK_IN_EVERY = Duration.ofSeconds(Long.getLong("office.check-in-seconds", 5));
    private static final Duration REGISTRATION_EVERY = Duration.ofSeconds(Long.getLong("office.registration-seconds", 180));
    private static final Duration CALL_EVERY = Duration.ofSeconds(Long.getLong("office.call-seconds", 180));
    /** From a call to "recorded": the portal's part of a recording (the biometrics are taken outside it). */
    private static final Duration RECORDED_AFTER = Duration.ofSeconds(3);
    private static final Duration QUEUED_BEFORE_CALL = Duration.ofSeconds(20);
    private static final int BASELINE_ACTS = Integer.getInteger("office.baseline-acts", 10);
    private static final long ACTION_GOAL_MILLIS = 500;
    /** The demo users of the desks that act: each acting desk signs in as a copy of it at its own point. */
    private static final Map<String, String> ACTING = Map.of("counter", "operator", "registrasi", "registrasi",
            "perekaman", "perekaman");
    /** The demo counter operator's point, and the demo registration and recording operators': the baseline's. */
    private static final String COUNTER_POINT = "DINAS";
    private static final String RECORDING_POINT = "UKL-320437";

    /** A demo user at the main view of their work. */
    private record Desk(String user, String route) {
    }

    /** An acting desk's own account and its service point. */
    private record DeskUser(String user, String point) {
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
        GreenMail mail = new GreenMail(new ServerSetup(PackagedPortal.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try (PackagedPortal portal = PackagedPortal.start(PackagedPortal.jar(), folder, Map.of("PORTAL_DEMO_FILL",
                "at-start", "MAIL_HOST", "127.0.0.1", "MAIL_PORT", Integer.toString(mail.getSmtp().getPort()),
                "MAIL_STARTTLS", "false"));
             Browser browser = Browser.forAnOffice(portal.port);
             BrowserContexts contexts = new BrowserContexts(browser)) {
            BdsCitizens citizens = new BdsCitizens(portal.database(), mail,
                    List.of(URI.create("http://127.0.0.1:" + portal.port + "/")));
            List<String> points = servicePoints();
            Map<String, Deque<DeskUser>> deskUsers = new HashMap<>();
            for (String route : ACTING.keySet()) {
                List<String> at = IntStream.range(0, desks(route)).mapToObj(i -> points.get(i % points.size())).toList();
                List<String> users = OfficeData.deskUsers(portal.database(), ACTING.get(route), at);
                deskUsers.put(route, new ArrayDeque<>(IntStream.range(0, at.size())
                        .mapToObj(i -> new DeskUser(users.get(i), at.get(i))).toList()));
            }
            Map<String, Integer> bookingsAt = new HashMap<>(Map.of(COUNTER_POINT, 2 * BASELINE_ACTS));
            deskUsers.get("counter").forEach(counter -> bookingsAt.merge(counter.point(), turns(CHECK_IN_EVERY), Integer::sum));
            Map<String, Queue<OfficeData.Booked>> bookings = OfficeData.bookingsForToday(citizens, portal.database(),
                    bookingsAt);
            Queue<String> residents = OfficeData.residentsToRecord(portal.database(),
                    2 * BASELINE_ACTS + desks("registrasi") * turns(REGISTRATION_EVERY));
            Thread.sleep(20_000); // the start's own work (caches, compilation) settles
            long heapNothingOpen = portal.heapUsedMiB();
            double cpuNothingOpen = cpuShareOfOneCore(portal, IDLE);

            Baseline baseline = baseline(browser, contexts, bookings, residents);
            long heapAfterBaseline = portal.heapUsedMiB();

            String boardContext = contexts.create();
            List<OfficeWork.Acting> boards = new ArrayList<>();
            for (int i = 0; i < BOARDS; i++) {
                String page = contexts.open(boardContext, "about:blank");
                browser.driver.switchTo().window(page);
                browser.open("antrean/" + points.get(i % points.size()));
                browser.awaitVaadinIdle();
                boards.add(new OfficeWork.Acting(page, points.get(i % points.size())));
            }
            long heapBoards = portal.heapUsedMiB();

            long signInStarted = System.nanoTime();
            Map<String, List<OfficeWork.Acting>> acting = new HashMap<>();
            for (int session = 0; session < SESSIONS; session++) {
                Desk desk = OFFICE.get(session * OFFICE.size() / SESSIONS);
                DeskUser own = deskUsers.containsKey(desk.route()) ? deskUsers.get(desk.route()).poll() : null;
                String page = openDesk(browser, contexts, own == null ? desk : new Desk(own.user(), desk.route()));
                if (own != null) {
                    acting.computeIfAbsent(desk.route(), route -> new ArrayList<>())
                            .add(new OfficeWork.Acting(contexts.attach(page), own.point()));
                }
            }
            long openingMillis = (System.nanoTime() - signInStarted) / 1_000_000;
            Thread.sleep(10_000);
            long heapOffice = portal.heapUsedMiB();
            double cpuOffice = cpuShareOfOneCore(portal, IDLE);
            assertThat(browser.driver.getWindowHandles()).as("every page still open")
                    .hasSizeGreaterThanOrEqualTo(BOARDS + SESSIONS);

            OfficeWork work = new OfficeWork(contexts);
            List<OfficeWork.Acting> watched = new ArrayList<>();
            for (OfficeWork.Acting board : boards) {
                watched.add(new OfficeWork.Acting(contexts.attach(board.session()), board.point()));
                contexts.evaluate(watched.getLast().session(), DeskActions.watchBoard()).get(1, TimeUnit.MINUTES);
            }
            long cpuBefore = portal.cpuMillisWithChildren();
            long started = System.nanoTime();
            long end = started + WORK.toNanos();
            List<Thread> desks = new ArrayList<>();
            // A point's recording desk calls a while after its registration desk queued someone: the resident has
            // sat down in the waiting room.
            Map<String, Long> registrations = OfficeWork.randomStarts(points, REGISTRATION_EVERY);
            Map<String, Long> calls = new HashMap<>();
            registrations.forEach((point, start) -> calls.put(point, start + QUEUED_BEFORE_CALL.toNanos()));
            desks.addAll(OfficeWork.everyDesk(acting.getOrDefault("counter", List.of()), CHECK_IN_EVERY,
                    OfficeWork.randomStarts(points, CHECK_IN_EVERY), end, desk -> work.checkIn(desk, bookings)));
            desks.addAll(OfficeWork.everyDesk(acting.getOrDefault("registrasi", List.of()), REGISTRATION_EVERY,
                    registrations, end, desk -> work.register(desk, residents)));
            desks.addAll(OfficeWork.everyDesk(acting.getOrDefault("perekaman", List.of()), CALL_EVERY, calls, end,
                    desk -> work.callAndRecord(desk, RECORDED_AFTER)));
            for (Thread desk : desks) {
                desk.join(Duration.ofMinutes(3));
            }
            double cpuWorking = (portal.cpuMillisWithChildren() - cpuBefore) / ((System.nanoTime() - started) / 1e6);
            Thread.sleep(2_000); // the last call on its way to the board

            System.out.printf("BENCHMARK office %d staff sessions and %d boards (opened in %d s): heap in use after a "
                            + "full GC %d MiB with nothing open (%d MiB after the baseline's pages), %d MiB with the "
                            + "boards, %d MiB with the office: %.2f MiB per board, %.2f MiB per staff session%n",
                    SESSIONS, BOARDS, openingMillis / 1000, heapNothingOpen, heapAfterBaseline, heapBoards, heapOffice,
                    (double) (heapBoards - heapNothingOpen) / BOARDS, (double) (heapOffice - heapBoards) / SESSIONS);
            System.out.printf("BENCHMARK office node CPU (JVM and embedded MariaDB) over %d s while nobody acts: "
                            + "%.1f %% of one core with the office open, %.1f %% with nothing open%n",
                    IDLE.toSeconds(), 100 * cpuOffice, 100 * cpuNothingOpen);
            System.out.printf("BENCHMARK office at work for %d s (%d counters a check-in every %d s, %d registration "
                            + "desks a resident every %d s, %d recording desks a call every %d s): node CPU %.1f %% of "
                            + "one core%n", WORK.toSeconds(), desks("counter"), CHECK_IN_EVERY.toSeconds(),
                    desks("registrasi"), REGISTRATION_EVERY.toSeconds(), desks("perekaman"), CALL_EVERY.toSeconds(),
                    100 * cpuWorking);
            report(work.millis(), baseline.work().millis(), work.callsToBoard(watched), baseline.toBoard());
            work.refusals().forEach((action, outcomes) -> System.out.printf("BENCHMARK office refused %s: %d, e.g. %s%n",
                    action, outcomes.size(), outcomes.getFirst()));
            work.failures().stream().limit(5).forEach(failure -> System.out.println("BENCHMARK office failed: " + failure));
            assertThat(work.failures()).as("every act answered").isEmpty();
        } catch (Exception | AssertionError failed) {
            keepTheLogs(folder);
            throw failed;
        } finally {
            mail.stop();
            FileSystemUtils.deleteRecursively(folder);
        }
    }

    /** The same acts with nothing else open: what each costs the user on this node, the p95s' baseline. */
    private record Baseline(OfficeWork work, List<Long> toBoard) {
    }

    /**
     * One counter, one registration desk, one recording desk and the recording point's board, each in a context of
     * its own, act {@code office.baseline-acts} times each, one act at a time a second apart, after as many acts to
     * warm up; their pages are closed afterwards.
     */
    private static Baseline baseline(Browser browser, BrowserContexts contexts, Map<String, Queue<OfficeData.Booked>> bookings,
                                     Queue<String> residents) throws Exception {
        String board = contexts.open(contexts.create(), "about:blank");
        browser.driver.switchTo().window(board);
        browser.open("antrean/" + RECORDING_POINT);
        browser.awaitVaadinIdle();
        List<String> pages = List.of(board, openDesk(browser, contexts, new Desk("operator", "counter")),
                openDesk(browser, contexts, new Desk("registrasi", "registrasi")),
                openDesk(browser, contexts, new Desk("perekaman", "perekaman")));
        List<String> sessions = new ArrayList<>();
        for (String page : pages) {
            sessions.add(contexts.attach(page));
        }
        contexts.evaluate(sessions.get(0), DeskActions.watchBoard()).get(1, TimeUnit.MINUTES);
        OfficeWork work = null;
        for (int round = 0; round < 2; round++) { // the first round warms the code paths up and is not counted
            work = new OfficeWork(contexts);
            for (int i = 0; i < BASELINE_ACTS; i++) {
                work.checkIn(new OfficeWork.Acting(sessions.get(1), COUNTER_POINT), bookings);
                Thread.sleep(1_000);
                work.register(new OfficeWork.Acting(sessions.get(2), RECORDING_POINT), residents);
                Thread.sleep(1_000);
            }
            for (int i = 0; i < BASELINE_ACTS; i++) {
                work.callAndRecord(new OfficeWork.Acting(sessions.get(3), RECORDING_POINT), RECORDED_AFTER);
                Thread.sleep(1_000);
            }
        }
        Thread.sleep(2_000);
        List<Long> toBoard = work.callsToBoard(List.of(new OfficeWork.Acting(sessions.get(0), RECORDING_POINT)));
        assertThat(work.failures()).as("every baseline act answered").isEmpty();
        for (String page : pages) {
            contexts.close(page);
        }
        browser.driver.switchTo().window(browser.driver.getWindowHandles().iterator().next());
        return new Baseline(work, toBoard);
    }

    /** A new context signed in as the desk's user, at its main view: the page's target id (its window handle). */
    private static String openDesk(Browser browser, BrowserContexts contexts, Desk desk) throws Exception {
        String page = contexts.open(contexts.create(), "about:blank");
        browser.driver.switchTo().window(page);
        browser.signIn(desk.user(), PortalTest.DEMO_PASSWORD);
        browser.awaitLeft("login");
        browser.open(desk.route());
        browser.awaitSettled();
        return page;
    }

    private static List<String> sessions(BrowserContexts contexts, Map<String, List<String>> pages, String route)
            throws Exception {
        List<String> sessions = new ArrayList<>();
        for (String page : pages.getOrDefault(route, List.of())) {
            sessions.add(contexts.attach(page));
        }
        return sessions;
    }

    /** How many of the office's sessions are at {@code route}'s desk. */
    private static int desks(String route) {
        return (int) IntStream.range(0, SESSIONS).mapToObj(session -> OFFICE.get(session * OFFICE.size() / SESSIONS))
                .filter(desk -> desk.route().equals(route)).count();
    }

    /** The acts a desk acting every {@code every} may make in the work period, and one to spare. */
    private static int turns(Duration every) {
        return (int) (WORK.toMillis() / every.toMillis()) + 2;
    }

    private static void report(Map<String, List<Long>> office, Map<String, List<Long>> baseline, List<Long> toBoard,
                               List<Long> toBoardBaseline) {
        System.out.println("BENCHMARK office action: while the office works n / median / p95 / max ms; with nothing "
                + "else open (baseline) n / median / p95 ms; p95 ratio");
        office.forEach((action, millis) -> {
            List<Long> alone = baseline.getOrDefault(action, List.of());
            System.out.printf("BENCHMARK office %-36s %5d %5d %5d %5d | %3d %5d %5d | %.1f×%s%n", action, millis.size(),
                    OfficeWork.percentile(millis, 50), OfficeWork.percentile(millis, 95), millis.getLast(), alone.size(),
                    OfficeWork.percentile(alone, 50), OfficeWork.percentile(alone, 95),
                    (double) OfficeWork.percentile(millis, 95) / Math.max(1, OfficeWork.percentile(alone, 95)),
                    OfficeWork.percentile(millis, 95) > ACTION_GOAL_MILLIS ? "  OVER 500 ms" : "");
        });
        List<Long> shown = toBoard.stream().filter(ms -> ms >= 0).sorted().toList();
        List<Long> shownAlone = toBoardBaseline.stream().filter(ms -> ms >= 0).sorted().toList();
        System.out.printf("BENCHMARK office call at a desk → its board: %d calls, %d shown, median %d ms, p95 %d ms, "
                        + "max %d ms; baseline %d calls, %d shown, median %d ms, p95 %d ms%n", toBoard.size(),
                shown.size(), OfficeWork.percentile(shown, 50), OfficeWork.percentile(shown, 95),
                shown.isEmpty() ? -1 : shown.getLast(), toBoardBaseline.size(), shownAlone.size(),
                OfficeWork.percentile(shownAlone, 50), OfficeWork.percentile(shownAlone, 95));
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

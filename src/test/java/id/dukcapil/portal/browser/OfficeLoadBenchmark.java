package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import id.dukcapil.portal.Benchmark;
import id.dukcapil.portal.FreePorts;
import id.dukcapil.portal.PackagedPortal;
import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.packaged.BdsCitizens;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 37's whole office on one node: {@code office.sessions} staff sessions (150) in their roles' main views and
 * {@code office.boards} waiting-room boards (35), each a real page of the packaged production jar in headless
 * Chromium, every session in a browser context of its own (its own cookies, its own Vaadin session). The live views
 * (boards, desks, inboxes) are told of the office's changes over push (decision 139); those with clocks on them are
 * read again every 5 s (IKD) or 15 s (KK inboxes), the others once a minute.
 *
 * <p>In an office every page has a machine of its own; here the node and all the pages share two cores. So the desks'
 * Chromium draws under {@code SCHED_IDLE} ({@link RenderersLast}): its pages take only the time the node leaves, and
 * the node's own figures are its own (decision 164). The boards, the waiting rooms' television sets, are a second
 * Chromium at the ordinary priority, so a call's way to its board is timed on a screen that is not starved.
 *
 * <p>Figures, each beside its baseline in the same run: the heap in use after a full collection, per board and per
 * staff session, against the node with nothing open; the node's CPU (the JVM and its embedded MariaDB) while the
 * office is open and nobody acts, the polling's cost, against the same node idle with nothing open. Chromium's own
 * CPU is not the node's and is not counted.
 *
 * <p>Then the office works for {@code office.work-seconds} (600): every counter checks a booking in every
 * {@code office.check-in-seconds} (5), every registration desk queues a resident for recording every
 * {@code office.registration-seconds} (180: NIK, documents received, in order, queue number), every recording desk
 * calls the next number every {@code office.call-seconds} (180) and records it 3 s later, every IKD desk activates a
 * citizen's digital ID every {@code office.ikd-seconds} (300: the app registers, the desk shows the QR code, the phone
 * scans it, the PIN from the e-mail activates, the desk archives), every KK operator takes and forwards a citizen's
 * print request every {@code office.kk-seconds} (300) and a verifier verifies it, the Kepala Dinas signs what was
 * verified every {@code office.signing-seconds} (120) as a batch, and a citizen books through the BDS API every
 * {@code office.booking-seconds} (10). These desks act in their
 * own pages, all at once: each page runs its user's acts through a DevTools session of its own
 * ({@link BrowserContexts#evaluate}; ChromeDriver reaches one window at a time), types and clicks as the user does
 * and times in the page each act from the click (or Enter) to its result in the page with Vaadin idle
 * ({@link DeskActions}). Each acting desk is its own user at its own point (a copy of the role's demo user,
 * {@link OfficeData#deskUsers}): counters at the first points of the regency, a registration and a recording desk at
 * each of the 33, a board at each point. The other sessions (IKD desks, KK inboxes, signing, planners, reports,
 * audit) stay open and are told of what the working desks change. The day's bookings at the counters are made
 * beforehand through the BDS API ({@link OfficeData#bookingsForToday}). Reported: each act's count, median and p95
 * while the office works in the page and on the node (its Vaadin round trips, from the request sent to its answer's
 * first byte, by the page's Resource Timing; an app's API call as it is answered on loopback), beside the same acts
 * by one desk of each kind with nothing else open (the baseline, {@code office.baseline-acts} each, before the office
 * opens); each call's time from the click at the desk to its number on its point's board (the board's own clock is
 * the browser's, as the desk's), beside the same with nothing else open. An act that fails or is refused fails the
 * benchmark.
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
    /** SOP E: an IKD desk activates a citizen's digital ID every 5 minutes (its officer's steps take 10 of its 30). */
    private static final Duration IKD_EVERY = Duration.ofSeconds(Long.getLong("office.ikd-seconds", 300));
    /** SOP B: each KK operator checks a citizen's request every 5 minutes, the step's standard time. */
    private static final Duration KK_EVERY = Duration.ofSeconds(Long.getLong("office.kk-seconds", 300));
    /** SOP B: the Kepala Dinas signs what has been verified every 2 minutes, as a batch. */
    private static final Duration SIGNING_EVERY = Duration.ofSeconds(Long.getLong("office.signing-seconds", 120));
    /**
     * SOP A: a citizen books through the BDS app every 10 s across the regency (2,400 bookings for a day at 20
     * counters, made over the working hours before it).
     */
    private static final Duration BOOKING_EVERY = Duration.ofSeconds(Long.getLong("office.booking-seconds", 10));
    /** From a call to "recorded": the portal's part of a recording (the biometrics are taken outside it). */
    private static final Duration RECORDED_AFTER = Duration.ofSeconds(3);
    private static final Duration QUEUED_BEFORE_CALL = Duration.ofSeconds(20);
    private static final int BASELINE_ACTS = Integer.getInteger("office.baseline-acts", 10);
    private static final long ACTION_GOAL_MILLIS = 500;
    /** The demo users of the desks that act: each acting desk signs in as a copy of it at its own point. */
    private static final Map<String, String> ACTING = Map.of("counter", "operator", "registrasi", "registrasi",
            "perekaman", "perekaman", "ikd", "ikd", "kk/operator", "operator", "kk/verifier", "verifikator");
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
        GreenMail mail = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try (PackagedPortal portal = PackagedPortal.start(PackagedPortal.jar(), folder, Map.of("PORTAL_DEMO_FILL",
                "at-start", "MAIL_HOST", "127.0.0.1", "MAIL_PORT", Integer.toString(mail.getSmtp().getPort()),
                "MAIL_STARTTLS", "false"));
             Browser browser = Browser.forAnOffice(portal.port);
             BrowserContexts contexts = new BrowserContexts(browser);
             RenderersLast renderersLast = RenderersLast.of(browser);
             Browser screens = Browser.forAnOffice(portal.port);
             BrowserContexts boardScreens = new BrowserContexts(screens)) {
            BdsCitizens citizens = new BdsCitizens(portal.database(), mail,
                    List.of(URI.create("http://127.0.0.1:" + portal.port + "/")));
            List<String> points = servicePoints();
            Map<String, Deque<DeskUser>> deskUsers = new HashMap<>();
            for (String route : ACTING.keySet()) {
                List<String> at = IntStream.range(0, desks(route)).mapToObj(i -> points.get(i % points.size())).toList();
                List<String> users = OfficeData.deskUsers(portal.database(), ACTING.get(route), route.replace('/', '-'), at);
                deskUsers.put(route, new ArrayDeque<>(IntStream.range(0, at.size())
                        .mapToObj(i -> new DeskUser(users.get(i), at.get(i))).toList()));
            }
            Map<String, Integer> bookingsAt = new HashMap<>(Map.of(COUNTER_POINT, 2 * BASELINE_ACTS));
            deskUsers.get("counter").forEach(counter -> bookingsAt.merge(counter.point(), turns(CHECK_IN_EVERY), Integer::sum));
            Map<String, Queue<OfficeData.Booked>> bookings = OfficeData.bookingsForToday(citizens, portal.database(),
                    bookingsAt);
            Queue<String> residents = OfficeData.residentsToRecord(portal.database(),
                    2 * BASELINE_ACTS + desks("registrasi") * turns(REGISTRATION_EVERY));
            Citizens people = citizens(citizens, portal, deskUsers.get("counter"));
            Thread.sleep(20_000); // the start's own work (caches, compilation) settles
            long heapNothingOpen = portal.heapUsedMiB();
            double cpuNothingOpen = cpuShareOfOneCore(portal, IDLE);

            Baseline baseline = baseline(browser, contexts, screens, boardScreens, portal, mail, bookings, residents,
                    people);
            long heapAfterBaseline = portal.heapUsedMiB();

            String boardContext = boardScreens.create();
            List<OfficeWork.Acting> boards = new ArrayList<>();
            for (int i = 0; i < BOARDS; i++) {
                String page = boardScreens.open(boardContext, "about:blank");
                screens.driver.switchTo().window(page);
                screens.open("antrean/" + points.get(i % points.size()));
                screens.awaitVaadinIdle();
                boards.add(new OfficeWork.Acting(page, points.get(i % points.size())));
            }
            long heapBoards = portal.heapUsedMiB();

            long signInStarted = System.nanoTime();
            Map<String, List<OfficeWork.Acting>> acting = new HashMap<>();
            for (int session = 0; session < SESSIONS; session++) {
                Desk desk = OFFICE.get(session * OFFICE.size() / SESSIONS);
                DeskUser own = deskUsers.containsKey(desk.route()) ? deskUsers.get(desk.route()).poll() : null;
                String page = openDesk(browser, contexts, own == null ? desk : new Desk(own.user(), desk.route()));
                if (own != null || desk.route().equals("signing")) {
                    acting.computeIfAbsent(desk.route(), route -> new ArrayList<>()).add(new OfficeWork.Acting(
                            contexts.attach(page), own == null ? COUNTER_POINT : own.point()));
                }
            }
            long openingMillis = (System.nanoTime() - signInStarted) / 1_000_000;
            Thread.sleep(10_000);
            long heapOffice = portal.heapUsedMiB();
            double cpuOffice = cpuShareOfOneCore(portal, IDLE);
            assertThat(browser.driver.getWindowHandles()).as("every desk's page still open")
                    .hasSizeGreaterThanOrEqualTo(SESSIONS);
            assertThat(screens.driver.getWindowHandles()).as("every board still open").hasSizeGreaterThanOrEqualTo(BOARDS);

            OfficeWork work = new OfficeWork(contexts, portal.port, mail);
            List<OfficeWork.Acting> watched = new ArrayList<>();
            for (OfficeWork.Acting board : boards) {
                watched.add(new OfficeWork.Acting(boardScreens.attach(board.session()), board.point()));
                boardScreens.evaluate(watched.getLast().session(), DeskActions.watchBoard()).get(1, TimeUnit.MINUTES);
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
            // A recording desk calls the residents its point's registration desk queued: none, nobody to call.
            List<String> registering = acting.getOrDefault("registrasi", List.of()).stream().map(OfficeWork.Acting::point)
                    .toList();
            List<OfficeWork.Acting> recording = acting.getOrDefault("perekaman", List.of()).stream()
                    .filter(desk -> registering.contains(desk.point())).toList();
            desks.addAll(OfficeWork.everyDesk(recording, CALL_EVERY, calls, end,
                    desk -> work.callAndRecord(desk, RECORDED_AFTER)));
            desks.addAll(OfficeWork.everyDesk(acting.getOrDefault("ikd", List.of()), IKD_EVERY,
                    OfficeWork.randomStarts(points, IKD_EVERY), end, desk -> work.activateIkd(desk, people.withCard())));
            List<OfficeWork.Acting> verifiers = acting.getOrDefault("kk/verifier", List.of());
            List<OfficeWork.Acting> operators = acting.getOrDefault("kk/operator", List.of());
            assertThat(verifiers.isEmpty() && !operators.isEmpty()).as("a verifier for the operators' requests").isFalse();
            desks.addAll(OfficeWork.everyDesk(operators, KK_EVERY, OfficeWork.randomStarts(points, KK_EVERY), end,
                    desk -> work.handleKkRequest(desk, verifiers.get(operators.indexOf(desk) % verifiers.size()),
                            people.heads(), new OfficeData.Ids(portal.database()))));
            desks.addAll(OfficeWork.everyDesk(acting.getOrDefault("signing", List.of()), SIGNING_EVERY, Map.of(), end,
                    work::signBatch));
            desks.addAll(OfficeWork.everyDesk(List.of(new OfficeWork.Acting("", "citizens")), BOOKING_EVERY, Map.of(),
                    end, citizen -> work.book(people.accounts(), people.printReady(), people.points(), people.day())));
            for (Thread desk : desks) {
                desk.join(Duration.ofMinutes(6));
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
                            + "desks a resident every %d s, %d recording desks a call every %d s, %d IKD desks an "
                            + "activation every %d s, %d KK operators a request every %d s for %d verifiers, %d head "
                            + "signing every %d s, a citizen's booking every %d s): node CPU %.1f %% of one core%n",
                    WORK.toSeconds(), desks("counter"), CHECK_IN_EVERY.toSeconds(), desks("registrasi"),
                    REGISTRATION_EVERY.toSeconds(), recording.size(), CALL_EVERY.toSeconds(), desks("ikd"),
                    IKD_EVERY.toSeconds(), operators.size(), KK_EVERY.toSeconds(), verifiers.size(), desks("signing"),
                    SIGNING_EVERY.toSeconds(), BOOKING_EVERY.toSeconds(), 100 * cpuWorking);
            System.out.printf("BENCHMARK office desks' Chromium drawing under SCHED_IDLE (decision 164): %d processes seen, "
                            + "at the end %d threads idle-scheduled, %d not%n", renderersLast.processes(),
                    renderersLast.threadsIdle(), renderersLast.threadsLeft());
            report(work, baseline.work(), work.callsToBoard(boardScreens, watched), baseline.toBoard());
            work.refusals().forEach((action, outcomes) -> System.out.printf("BENCHMARK office refused %s: %d, e.g. %s%n",
                    action, outcomes.size(), outcomes.getFirst()));
            work.failures().forEach(failure -> System.out.println("BENCHMARK office failed: " + failure));
            assertThat(work.failures()).as("every act answered").isEmpty();
            assertThat(work.refusals()).as("no act refused").isEmpty();
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
     * The citizens of the work and the baseline, found or made before anything is measured: residents with a printed
     * card for the IKD desks, heads of families for KK print requests, and for the bookings print-ready residents,
     * BDS accounts (ten people each) and the next working day opened at the counters' points.
     */
    private record Citizens(Queue<OfficeCitizens.Person> withCard, Queue<OfficeCitizens.Person> heads,
                            Queue<OfficeCitizens.Person> printReady, Queue<BdsCitizens.Citizen> accounts,
                            List<String> points, LocalDate day) {
    }

    private static Citizens citizens(BdsCitizens bds, PackagedPortal portal, Collection<DeskUser> counters)
            throws Exception {
        int bookings = 2 * BASELINE_ACTS + turns(BOOKING_EVERY);
        List<String> points = new ArrayList<>(List.of(COUNTER_POINT));
        counters.forEach(counter -> points.add(counter.point()));
        LocalDate day = BdsCitizens.workingDay(1);
        OfficeData.openDay(bds, portal.database(), points, day, bookings + 1_000);
        Queue<BdsCitizens.Citizen> accounts = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int i = 0; i < bookings; i += 10) {
            BdsCitizens.Citizen account = bds.citizen();
            IntStream.range(0, 10).forEach(person -> accounts.add(account)); // a family's worth of people (decision 068)
        }
        return new Citizens(OfficeData.withPrintedCard(portal.database(), 2 * BASELINE_ACTS + desks("ikd") * turns(IKD_EVERY)),
                OfficeData.headsOfFamilies(portal.database(), 2 * BASELINE_ACTS + desks("kk/operator") * turns(KK_EVERY)),
                OfficeData.printReady(portal.database(), bookings), accounts, points, day);
    }

    /**
     * One desk of each kind that acts (the demo users themselves) and the recording point's board, each in a context
     * of its own, act {@code office.baseline-acts} times each, one act at a time a second apart, after as many acts
     * to warm up; their pages are closed afterwards. The citizens' calls likewise, one at a time.
     */
    private static Baseline baseline(Browser browser, BrowserContexts contexts, Browser screens,
                                     BrowserContexts boardScreens, PackagedPortal portal, GreenMail mail,
                                     Map<String, Queue<OfficeData.Booked>> bookings, Queue<String> residents,
                                     Citizens people) throws Exception {
        String board = boardScreens.open(boardScreens.create(), "about:blank");
        screens.driver.switchTo().window(board);
        screens.open("antrean/" + RECORDING_POINT);
        screens.awaitVaadinIdle();
        String boardSession = boardScreens.attach(board);
        boardScreens.evaluate(boardSession, DeskActions.watchBoard()).get(1, TimeUnit.MINUTES);
        List<String> pages = List.of(openDesk(browser, contexts, new Desk("operator", "counter")),
                openDesk(browser, contexts, new Desk("registrasi", "registrasi")),
                openDesk(browser, contexts, new Desk("perekaman", "perekaman")),
                openDesk(browser, contexts, new Desk("ikd", "ikd")),
                openDesk(browser, contexts, new Desk("operator", "kk/operator")),
                openDesk(browser, contexts, new Desk("verifikator", "kk/verifier")),
                openDesk(browser, contexts, new Desk("kadis", "signing")));
        List<String> sessions = new ArrayList<>(List.of(boardSession)); // the board first, then the desks in order
        for (String page : pages) {
            sessions.add(contexts.attach(page));
        }
        OfficeWork.Acting ikd = new OfficeWork.Acting(sessions.get(4), OfficeData.pointOf(portal.database(), "ikd"));
        OfficeWork.Acting verifier = new OfficeWork.Acting(sessions.get(6), COUNTER_POINT);
        OfficeWork work = null;
        for (int round = 0; round < 2; round++) { // the first round warms the code paths up and is not counted
            work = new OfficeWork(contexts, portal.port, mail);
            for (int i = 0; i < BASELINE_ACTS; i++) {
                work.checkIn(new OfficeWork.Acting(sessions.get(1), COUNTER_POINT), bookings);
                Thread.sleep(1_000);
                work.register(new OfficeWork.Acting(sessions.get(2), RECORDING_POINT), residents);
                Thread.sleep(1_000);
            }
            for (int i = 0; i < BASELINE_ACTS; i++) {
                work.callAndRecord(new OfficeWork.Acting(sessions.get(3), RECORDING_POINT), RECORDED_AFTER);
                Thread.sleep(1_000);
                work.activateIkd(ikd, people.withCard());
                Thread.sleep(1_000);
                work.handleKkRequest(new OfficeWork.Acting(sessions.get(5), COUNTER_POINT), verifier, people.heads(),
                        new OfficeData.Ids(portal.database()));
                Thread.sleep(1_000);
                work.signBatch(new OfficeWork.Acting(sessions.get(7), COUNTER_POINT));
                Thread.sleep(1_000);
                work.book(people.accounts(), people.printReady(), people.points(), people.day());
                Thread.sleep(1_000);
                work.failures().stream().limit(5).forEach(failure -> System.out.println("BENCHMARK office baseline failed: " + failure));
                assertThat(work.failures()).as("every baseline act answered").isEmpty();
                assertThat(work.refusals()).as("no baseline act refused").isEmpty();
            }
        }
        Thread.sleep(2_000);
        List<Long> toBoard = work.callsToBoard(boardScreens, List.of(new OfficeWork.Acting(boardSession, RECORDING_POINT)));
        for (String page : pages) {
            contexts.close(page);
        }
        boardScreens.close(board);
        screens.driver.switchTo().window(screens.driver.getWindowHandles().iterator().next());
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

    /** How many of the office's sessions are at {@code route}'s desk. */
    private static int desks(String route) {
        return (int) IntStream.range(0, SESSIONS).mapToObj(session -> OFFICE.get(session * OFFICE.size() / SESSIONS))
                .filter(desk -> desk.route().equals(route)).count();
    }

    /** The acts a desk acting every {@code every} may make in the work period, and one to spare. */
    private static int turns(Duration every) {
        return (int) (WORK.toMillis() / every.toMillis()) + 2;
    }

    /**
     * Each act's figures while the office works beside the same act's with nothing else open: its time in the page
     * (click to result shown) and its time on the node (its Vaadin round trips, request sent to the answer's first
     * byte; for an app's call, the call's answer on loopback).
     */
    private static void report(OfficeWork office, OfficeWork baseline, List<Long> toBoard, List<Long> toBoardBaseline) {
        System.out.println("BENCHMARK office action: while the office works, in the page n / median / p95 / max ms, "
                + "on the node median / p95 ms | with nothing else open (baseline) n, page p95, node p95 ms | page p95 "
                + "ratio, node p95 ratio");
        Map<String, List<Long>> page = office.millis();
        Map<String, List<Long>> node = office.serverMillis();
        Map<String, List<Long>> pageAlone = baseline.millis();
        Map<String, List<Long>> nodeAlone = baseline.serverMillis();
        node.forEach((action, server) -> {
            List<Long> millis = page.getOrDefault(action, List.of());
            List<Long> alone = nodeAlone.getOrDefault(action, List.of());
            long p95 = OfficeWork.percentile(millis.isEmpty() ? server : millis, 95);
            System.out.printf("BENCHMARK office %-38s %5d %5d %5d %5d  %5d %5d | %3d %5d %5d | %s %.1f×%s%n", action,
                    server.size(), OfficeWork.percentile(millis, 50), OfficeWork.percentile(millis, 95),
                    millis.isEmpty() ? -1 : millis.getLast(), OfficeWork.percentile(server, 50),
                    OfficeWork.percentile(server, 95), alone.size(),
                    OfficeWork.percentile(pageAlone.getOrDefault(action, List.of()), 95),
                    OfficeWork.percentile(alone, 95), millis.isEmpty() ? "    " : "%.1f×".formatted(
                            (double) OfficeWork.percentile(millis, 95)
                                    / Math.max(1, OfficeWork.percentile(pageAlone.getOrDefault(action, List.of()), 95))),
                    (double) OfficeWork.percentile(server, 95) / Math.max(1, OfficeWork.percentile(alone, 95)),
                    p95 > ACTION_GOAL_MILLIS ? "  OVER 500 ms" : "");
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
        // The rarest desks first: a smaller office (office.sessions) still has the Kepala Dinas and a verifier.
        counts.entrySet().stream().sorted(Map.Entry.<Desk, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.comparing(Desk::route))))
                .forEach(entry -> IntStream.range(0, entry.getValue()).forEach(i -> desks.add(entry.getKey())));
        return List.copyOf(desks);
    }
}

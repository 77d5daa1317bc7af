package id.dukcapil.portal.browser;

import id.dukcapil.portal.browser.OfficeData.Booked;
import com.icegreen.greenmail.util.GreenMail;
import id.dukcapil.portal.packaged.BdsCitizens;
import id.dukcapil.portal.shared.barcode.Codes;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The office's desks at work, each in its own page at its own pace (a virtual thread per page, each page's acts one
 * after the other as its user's would be): counters scan the citizens' bookings, registration desks queue
 * residents for recording, recording desks call the next number and record it, IKD desks activate digital IDs, KK
 * operators and verifiers pass the citizens' print requests on, the Kepala Dinas signs them in batches; citizens
 * book through the BDS API. Each page acts through its own DevTools session, so the pages act at once as an
 * office's screens would; every act is timed in its page, and its Vaadin round trips' time on the node beside it
 * ({@link DeskActions}); the apps' calls are timed as they are answered ({@link OfficeCitizens}). Calls are matched
 * with the board that shows them afterwards.
 */
final class OfficeWork {

    /** A call made at a desk: its point, the number and when its request left the page (epoch ms). */
    record Call(String point, String ticket, long calledAt) {
    }

    /** A desk's page that acts: its DevTools session and the desk's service point. */
    record Acting(String session, String point) {
    }

    /** The Kepala Dinas's signing passphrase in the demo profile (application-demo.yaml). */
    private static final String PASSPHRASE = "TTE-Kadis-2026";

    private final BrowserContexts contexts;
    private final OfficeCitizens citizens;
    /** Each act's milliseconds in the page, by name. */
    private final Map<String, Queue<Long>> millis = new ConcurrentHashMap<>();
    /** Each act's milliseconds on the node: its Vaadin round trips, or an app's call to the API. */
    private final Map<String, Queue<Long>> serverMillis = new ConcurrentHashMap<>();
    private final AtomicInteger verifiedSinceBatch = new AtomicInteger();
    private final AtomicInteger bookings = new AtomicInteger();
    private final Map<String, Queue<String>> refusals = new ConcurrentHashMap<>();
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();

    OfficeWork(BrowserContexts contexts, int port, GreenMail mail) {
        this.contexts = contexts;
        this.citizens = new OfficeCitizens(port, mail, (act, ms) -> add(serverMillis, act, ms));
    }

    /** A counter's check-in of the next booking at its point; none left, nothing done. */
    void checkIn(Acting desk, Map<String, Queue<Booked>> bookings) {
        Booked booking = bookings.getOrDefault(desk.point(), new ConcurrentLinkedQueue<>()).poll();
        if (booking != null) {
            run(desk.session(), DeskActions.checkIn(booking.code(), booking.queueNumber()));
        }
    }

    /** A registration desk's resident, from the NIK to the queue number. */
    void register(Acting desk, Queue<String> residents) {
        String nik = residents.poll();
        if (nik != null) {
            run(desk.session(), DeskActions.register(nik));
        }
    }

    /**
     * A recording desk's turn: the next number called and, {@code recordedAfter} later, recorded (the biometrics
     * are taken outside the portal meanwhile). A number still on the screen from before is recorded first.
     */
    void callAndRecord(Acting desk, Duration recordedAfter) {
        run(desk.session(), DeskActions.recorded());
        JsonNode called = run(desk.session(), DeskActions.call());
        if (called != null && called.hasNonNull("ticket")) {
            calls.add(new Call(desk.point(), called.get("ticket").asString(), called.get("calledAt").asLong()));
            sleep(recordedAfter);
            run(desk.session(), DeskActions.recorded());
        }
    }

    /**
     * SOP E at an IKD desk: the citizen's app registers at the desk's point and passes the face check; the officer
     * shows the activation QR code; the phone scans it (the code read from the picture on the officer's screen); the
     * PIN from the e-mail activates the IKD; the officer archives the activation.
     */
    void activateIkd(Acting desk, Queue<OfficeCitizens.Person> residents) {
        act("ikd activation", () -> {
            OfficeCitizens.Registration registration = citizens.ikdRegistered(
                    OfficeCitizens.next(residents, "resident with a printed card"), desk.point());
            JsonNode shown = run(desk.session(), DeskActions.showIkdQr(registration.code()));
            if (shown == null || !shown.hasNonNull("qr")) {
                return;
            }
            String png = shown.get("qr").asString();
            citizens.scanned(registration, Codes.readQr(Base64.getDecoder().decode(png.substring(png.indexOf(',') + 1)),
                    2_000).orElseThrow(() -> new IllegalStateException("the desk's QR code cannot be read")));
            citizens.activated(registration);
            run(desk.session(), DeskActions.archiveIkd(registration.code()));
        });
    }

    /**
     * SOP B steps 5–7: a head of family submits a KK print request in the IKD app; the operator takes and forwards
     * it; a verifier reviews and verifies it (one act at a time in the verifier's page, as one person works).
     */
    void handleKkRequest(Acting operator, Acting verifier, Queue<OfficeCitizens.Person> heads, OfficeData.Ids ids) {
        act("kk request", () -> {
            String tracking = citizens.kkRequested(OfficeCitizens.next(heads, "head of a family"));
            JsonNode checked = run(operator.session(), DeskActions.checkKkRequest(ids.kkRequest(tracking)));
            if (checked == null || DeskActions.steps(checked).size() < 2 || !DeskActions.steps(checked).getLast().shown()) {
                return;
            }
            synchronized (verifier) {
                JsonNode verified = run(verifier.session(), DeskActions.verifyKkRequest(tracking));
                if (verified != null && DeskActions.steps(verified).size() == 2 && DeskActions.steps(verified).getLast().shown()) {
                    verifiedSinceBatch.incrementAndGet();
                }
            }
        });
    }

    /** SOP B step 8: the Kepala Dinas signs what is queued as one batch, when something was verified since the last. */
    void signBatch(Acting head) {
        if (verifiedSinceBatch.getAndSet(0) > 0) {
            run(head.session(), DeskActions.signBatch(PASSPHRASE));
        }
    }

    /**
     * SOP A: a citizen books a slot at one of {@code points} on {@code day}; {@code accounts} holds each BDS account
     * once for each of the ten people it may book for.
     */
    void book(Queue<BdsCitizens.Citizen> accounts, Queue<OfficeCitizens.Person> people, List<String> points, LocalDate day) {
        act("booking", () -> {
            BdsCitizens.Citizen account = accounts.poll();
            if (account == null) {
                throw new IllegalStateException("no BDS account left: more bookings than prepared");
            }
            citizens.book(account, OfficeCitizens.next(people, "print-ready resident"),
                    points.get(bookings.getAndIncrement() % points.size()), day);
        });
    }

    /** An act of several steps; whatever stops it is a failure of the benchmark, with the act's name. */
    private void act(String name, Step step) {
        try {
            step.run();
        } catch (Exception | AssertionError failed) {
            failures.add(name + ": " + failed);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void add(Map<String, Queue<Long>> timings, String action, long ms) {
        timings.computeIfAbsent(action, name -> new ConcurrentLinkedQueue<>()).add(ms);
    }

    private JsonNode run(String session, String script) {
        try {
            JsonNode answer = contexts.evaluate(session, script).get(6, TimeUnit.MINUTES);
            for (DeskActions.Step step : DeskActions.steps(answer)) {
                if (step.shown()) {
                    add(millis, step.action(), step.millis());
                    add(serverMillis, step.action(), step.serverMillis());
                } else {
                    refusals.computeIfAbsent(step.action(), action -> new ConcurrentLinkedQueue<>()).add(step.outcome());
                }
            }
            return answer;
        } catch (Exception failed) {
            failures.add(String.valueOf(failed)); // a time-out has no message: its kind says what happened
            return null;
        }
    }

    /**
     * Every desk acting every {@code every}, its first act {@code firstAfter} its point's nanoseconds from now, at a
     * fixed rate after it (an act that overruns its period delays only its own desk's next) until {@code end}
     * (System.nanoTime).
     */
    static List<Thread> everyDesk(List<Acting> acting, Duration every, Map<String, Long> firstAfter, long end,
                                  Consumer<Acting> act) {
        long now = System.nanoTime();
        List<Thread> desks = new ArrayList<>();
        for (Acting desk : acting) {
            desks.add(Thread.ofVirtual().start(() -> {
                long next = now + firstAfter.getOrDefault(desk.point(), 0L);
                while (true) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        sleep(Duration.ofNanos(wait));
                    }
                    if (System.nanoTime() >= end) {
                        return;
                    }
                    act.accept(desk);
                    next += every.toNanos();
                }
            }));
        }
        return desks;
    }

    /** For each point, a random start within {@code every}: desks that start at once would act in step. */
    static Map<String, Long> randomStarts(List<String> points, Duration every) {
        Map<String, Long> starts = new HashMap<>();
        points.forEach(point -> starts.put(point, ThreadLocalRandom.current().nextLong(every.toNanos())));
        return starts;
    }

    /**
     * Each call's milliseconds to its point's board (the first of the point's boards to show it), from the call's
     * request leaving the desk's page to the number shown, by the times the boards in {@code screens} noted; a call no
     * board showed as -1. Calls at a point without a board open are left out.
     */
    List<Long> callsToBoard(BrowserContexts screens, List<Acting> boards) throws Exception {
        Map<String, List<JsonNode>> shown = new HashMap<>();
        for (Acting board : boards) {
            shown.computeIfAbsent(board.point(), point -> new ArrayList<>())
                    .add(screens.evaluate(board.session(), DeskActions.shownOnBoard()).get(5, TimeUnit.MINUTES));
        }
        List<Long> toBoard = new ArrayList<>();
        for (Call call : calls) {
            if (shown.containsKey(call.point())) {
                toBoard.add(shown.get(call.point()).stream().flatMap(board -> board.properties().stream())
                        .filter(text -> text.getKey().contains(call.ticket()))
                        .mapToLong(text -> text.getValue().asLong() - call.calledAt()).filter(ms -> ms >= 0).min()
                        .orElse(-1));
            }
        }
        return toBoard;
    }

    /** Each action's timings in the page, by name, sorted. */
    Map<String, List<Long>> millis() {
        return sorted(millis);
    }

    /** Each action's time on the node, by name, sorted: its round trips, or the app's call. */
    Map<String, List<Long>> serverMillis() {
        return sorted(serverMillis);
    }

    private static Map<String, List<Long>> sorted(Map<String, Queue<Long>> timings) {
        Map<String, List<Long>> sorted = new TreeMap<>();
        timings.forEach((action, times) -> sorted.put(action, times.stream().sorted().toList()));
        return sorted;
    }

    Map<String, List<String>> refusals() {
        Map<String, List<String>> sorted = new TreeMap<>();
        refusals.forEach((action, outcomes) -> sorted.put(action, List.copyOf(outcomes)));
        return sorted;
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    static long percentile(List<Long> sorted, int percent) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

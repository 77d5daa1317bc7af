package id.dukcapil.portal.browser;

import id.dukcapil.portal.browser.OfficeData.Booked;
import java.time.Duration;
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
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The office's desks at work, each in its own page at its own pace (a virtual thread per page, each page's acts one
 * after the other as its user's would be): counters scan the citizens' bookings, registration desks queue
 * residents for recording, recording desks call the next number and record it. Each page acts through its own
 * DevTools session, so the pages act at once as an office's screens would; every act is timed in its page
 * ({@link DeskActions}). Calls are matched with the board that shows them afterwards.
 */
final class OfficeWork {

    /** A call made at a desk: its point, the number and when it was clicked (the browser's clock, epoch ms). */
    record Call(String point, String ticket, long calledAt) {
    }

    /** A desk's page that acts: its DevTools session and the desk's service point. */
    record Acting(String session, String point) {
    }

    private final BrowserContexts contexts;
    private final Map<String, Queue<Long>> millis = new ConcurrentHashMap<>();
    private final Map<String, Queue<String>> refusals = new ConcurrentHashMap<>();
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();

    OfficeWork(BrowserContexts contexts) {
        this.contexts = contexts;
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

    private JsonNode run(String session, String script) {
        try {
            JsonNode answer = contexts.evaluate(session, script).get(2, TimeUnit.MINUTES);
            for (DeskActions.Step step : DeskActions.steps(answer)) {
                if (step.shown()) {
                    millis.computeIfAbsent(step.action(), action -> new ConcurrentLinkedQueue<>()).add(step.millis());
                } else {
                    refusals.computeIfAbsent(step.action(), action -> new ConcurrentLinkedQueue<>()).add(step.outcome());
                }
            }
            return answer;
        } catch (Exception failed) {
            failures.add(failed.getMessage());
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
     * Each call's milliseconds to its point's board (the first of the point's boards to show it), by the times the
     * boards noted; a call no board showed as -1. Calls at a point without a board open are left out.
     */
    List<Long> callsToBoard(List<Acting> boards) throws Exception {
        Map<String, List<JsonNode>> shown = new HashMap<>();
        for (Acting board : boards) {
            shown.computeIfAbsent(board.point(), point -> new ArrayList<>())
                    .add(contexts.evaluate(board.session(), DeskActions.shownOnBoard()).get(1, TimeUnit.MINUTES));
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

    /** Each action's timings, by name. */
    Map<String, List<Long>> millis() {
        Map<String, List<Long>> sorted = new TreeMap<>();
        millis.forEach((action, times) -> sorted.put(action, times.stream().sorted().toList()));
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

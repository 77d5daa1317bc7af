package id.dukcapil.portal.browser;

import id.dukcapil.portal.browser.OfficeData.Booked;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * The office's desks at work, each in its own page at its own pace (a virtual thread per page, each page's acts one
 * after the other as its user's would be): counters scan the citizens' bookings, registration desks queue
 * residents for recording, recording desks call the next number and record it. Each page acts through its own
 * DevTools session, so the pages act at once as an office's screens would; every act is timed in its page
 * ({@link DeskActions}). Calls are matched with the board that shows them afterwards.
 */
final class OfficeWork {

    /** A call made at a desk: the number and when it was clicked (the browser's clock, epoch ms). */
    record Call(String ticket, long calledAt) {
    }

    private final BrowserContexts contexts;
    private final Map<String, Queue<Long>> millis = new ConcurrentHashMap<>();
    private final Map<String, Queue<String>> refusals = new ConcurrentHashMap<>();
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();

    OfficeWork(BrowserContexts contexts) {
        this.contexts = contexts;
    }

    /** A counter's check-in of the next booking; none left, nothing done. */
    void checkIn(String session, Queue<Booked> bookings) {
        Booked booking = bookings.poll();
        if (booking != null) {
            run(session, DeskActions.checkIn(booking.code(), booking.queueNumber()));
        }
    }

    /** A registration desk's resident, from the NIK to the queue number. */
    void register(String session, Queue<String> residents) {
        String nik = residents.poll();
        if (nik != null) {
            run(session, DeskActions.register(nik));
        }
    }

    /**
     * A recording desk's turn: a number left on its screen is recorded first (another desk of the same demo user
     * called it: the desk reopens on its user's called numbers), then the next is called, and recorded
     * {@code recordedAfter} later.
     */
    void callAndRecord(String session, Duration recordedAfter) {
        run(session, DeskActions.recorded());
        JsonNode called = run(session, DeskActions.call());
        if (called != null && called.hasNonNull("ticket")) {
            calls.add(new Call(called.get("ticket").asString(), called.get("calledAt").asLong()));
            sleep(recordedAfter);
            run(session, DeskActions.recorded());
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
     * Every desk acting every {@code every} (at a random start within the first period, at a fixed rate after it;
     * an act that overruns its period delays only its own desk's next) until {@code end} (System.nanoTime).
     */
    static List<Thread> everyDesk(List<String> sessions, Duration every, long end, java.util.function.Consumer<String> act) {
        List<Thread> desks = new ArrayList<>();
        for (String session : sessions) {
            desks.add(Thread.ofVirtual().start(() -> {
                long next = System.nanoTime() + ThreadLocalRandom.current().nextLong(every.toNanos());
                while (true) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        sleep(Duration.ofNanos(wait));
                    }
                    if (System.nanoTime() >= end) {
                        return;
                    }
                    act.accept(session);
                    next += every.toNanos();
                }
            }));
        }
        return desks;
    }

    /** Each call's milliseconds to the board, by the times the board noted; calls it never showed, as -1. */
    List<Long> callsToBoard(String boardSession) throws Exception {
        JsonNode shown = contexts.evaluate(boardSession, DeskActions.shownOnBoard()).get(1, TimeUnit.MINUTES);
        List<Long> toBoard = new ArrayList<>();
        for (Call call : calls) {
            toBoard.add(shown.properties().stream().filter(text -> text.getKey().contains(call.ticket()))
                    .mapToLong(text -> text.getValue().asLong() - call.calledAt()).filter(ms -> ms >= 0).min()
                    .orElse(-1));
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

package id.dukcapil.portal.booking.internal;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.booking.Booking;
import id.dukcapil.portal.booking.BookingMade;
import id.dukcapil.portal.booking.BookingRefused;
import id.dukcapil.portal.booking.BookingResult;
import id.dukcapil.portal.booking.BookingStatus;
import id.dukcapil.portal.booking.RefusalCode;
import id.dukcapil.portal.sla.FinishedStep;
import id.dukcapil.portal.sla.StepClock;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Citizens' requests for one point's day booked in one transaction (decision 046): a request joins those waiting
 * for the same day ({@link Combiner}); one locked read of the day's counter row takes the places of the whole
 * batch, then the bookings, their journeys' steps, audit entries, idempotency keys and events are written in
 * batches. The quota holds exactly as with one request at a time; the row's lock and the audit chain's are taken
 * once per batch instead of once per booking. A batch a unique key refuses is booked request by request, each
 * through its own {@link PendingBooking#alone()}.
 */
@Component
public class BookingsTogether {

    /** Requests for one day booked in one transaction at most: a batch holds the day's row for a few ms. */
    static final int BATCH_MAX = 50;
    /**
     * Days whose batches are booked at once. A batch mostly waits for the database (its day's row, its commit), and
     * one held up by a lock (a planner's recount) holds up only its own day; a burst for one day uses one.
     */
    static final int BATCH_THREADS = 8;

    private final BookingStore bookings;
    private final DayStore days;
    private final BookingCodes codes;
    private final StepClock stepClock;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService batchThreads = Executors.newFixedThreadPool(BATCH_THREADS,
            Thread.ofPlatform().name("booking-batch-", 1).daemon(true).factory());
    private final Combiner<PendingBooking.DayKey, PendingBooking> sameDay =
            new Combiner<>(BATCH_MAX, this::bookTogether, batchThreads);

    BookingsTogether(BookingStore bookings, DayStore days, BookingCodes codes, StepClock stepClock, AuditLog auditLog,
                     ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.transactions = transactions;
        this.bookings = bookings;
        this.days = days;
        this.codes = codes;
        this.stepClock = stepClock;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Books the request together with the others waiting for its day, on a batch thread. Its answer completes once
     * its batch has committed; the caller need not wait for it with a thread of its own (decision 116).
     */
    public CompletableFuture<BookingResult> book(PendingBooking pending) {
        sameDay.submit(pending.day(), pending);
        return pending.result();
    }

    /**
     * After the web server's graceful shutdown has answered the requests in flight: batches under way get 10 s to
     * commit. A request queued later is not booked; the app's retry with its key books it on the next start.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        batchThreads.shutdown();
        batchThreads.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void bookTogether(List<PendingBooking> batch) {
        try {
            Map<PendingBooking, Supplier<BookingResult>> outcomes;
            try {
                outcomes = transactions.execute(status -> make(batch));
            } catch (RuntimeException failed) {
                // A NIK, key or code taken meanwhile by another batch: each request alone, as a single one goes.
                batch.forEach(pending -> pending.settle(pending.alone()));
                return;
            }
            java.util.Objects.requireNonNull(outcomes).forEach(PendingBooking::settle);
        } catch (Throwable unexpected) {
            // Nobody waits for ever: every request not yet answered gets the failure.
            batch.forEach(pending -> pending.result().completeExceptionally(unexpected));
            throw unexpected;
        }
    }

    /**
     * Books the batch (all for the same day) in the caller's transaction. Returns each request's outcome, to be
     * settled once the transaction has committed. A unique key refusing a row (a NIK or idempotency key used
     * meanwhile by another batch) fails the whole transaction.
     */
    private Map<PendingBooking, Supplier<BookingResult>> make(List<PendingBooking> batch) {
        Map<PendingBooking, Supplier<BookingResult>> outcomes = new LinkedHashMap<>();
        // One booking per idempotency key and per NIK within the batch: a repeated key echoes the first request.
        Map<String, PendingBooking> firstWithKey = new HashMap<>();
        Map<PendingBooking, PendingBooking> echoes = new LinkedHashMap<>();
        Set<String> niks = new HashSet<>();
        List<PendingBooking> takers = new ArrayList<>();
        for (PendingBooking pending : batch) {
            if (pending.idempotencyKey() != null) {
                PendingBooking first = firstWithKey.putIfAbsent(pending.owner() + "\n" + pending.idempotencyKey(),
                        pending);
                if (first != null) {
                    echoes.put(pending, first);
                    continue;
                }
            }
            if (!niks.add(pending.resident().nik().value())) {
                outcomes.put(pending, refusal(RefusalCode.ACTIVE_BOOKING_EXISTS, pending.resident().nik().masked()));
                continue;
            }
            takers.add(pending);
        }

        PendingBooking.DayKey day = batch.getFirst().day();
        DayStore.Places places = days.takeForCitizens(day.servicePoint(), day.day(), takers.size());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Booking> made = new ArrayList<>();
        for (int i = 0; i < takers.size(); i++) {
            PendingBooking pending = takers.get(i);
            if (places.closed() || i >= places.count()) {
                outcomes.put(pending, refusal(places.closed() ? RefusalCode.DAY_CLOSED : RefusalCode.QUOTA_FULL, day.day()));
                continue;
            }
            Booking booking = new Booking(0, codes.next(), pending.resident().nik().value(), pending.resident().fullName(),
                    day.servicePoint(), day.day(), places.firstQueueNumber() + i, BookingStatus.BOOKED,
                    pending.citizenId(), pending.owner(), false, now, null, null, 0, null, null);
            made.add(booking);
        }
        if (!made.isEmpty()) {
            record(takers.subList(0, made.size()), made, now);
        }
        for (int i = 0; i < made.size(); i++) {
            BookingResult result = new BookingResult(made.get(i), false);
            outcomes.put(takers.get(i), () -> result);
        }
        echoes.forEach((echo, first) -> outcomes.put(echo, () -> {
            if (!echo.requestHash().equals(first.requestHash())) {
                throw new BookingRefused(RefusalCode.IDEMPOTENCY_KEY_REUSED);
            }
            return new BookingResult(first.result().join().booking(), true);
        }));
        return outcomes;
    }

    /** Writes the bookings made, with their ids read back, and what goes with each: keys, steps, audit, events. */
    private void record(List<PendingBooking> takers, List<Booking> made, Instant now) {
        bookings.insertAll(made.stream().map(booking -> new BookingStore.NewBooking(booking.code(), booking.nik(),
                booking.residentName(), booking.servicePoint(), booking.day(), booking.queueNumber(),
                booking.citizenId(), booking.bookedBy(), now)).toList());
        Map<String, Long> ids = bookings.idsOf(made.stream().map(Booking::code).toList());
        List<BookingStore.KeyClaim> claims = new ArrayList<>();
        List<FinishedStep> steps = new ArrayList<>();
        for (int i = 0; i < made.size(); i++) {
            PendingBooking pending = takers.get(i);
            Booking booking = made.get(i).withId(ids.get(made.get(i).code()));
            made.set(i, booking);
            if (pending.idempotencyKey() != null) {
                claims.add(new BookingStore.KeyClaim(pending.owner(), pending.idempotencyKey(),
                        pending.requestHash(), now, booking.id()));
            }
            steps.addAll(pending.journey().finishedSteps(booking.code(), now, pending.owner(), booking.servicePoint()));
            auditLog.record(pending.actor(), BookingAudit.made(booking));
            events.publishEvent(BookingMade.made(booking));
        }
        if (!claims.isEmpty()) {
            bookings.keysUsed(claims);
        }
        stepClock.recordFinished(steps);
    }

    private static Supplier<BookingResult> refusal(RefusalCode code, Object... args) {
        return () -> {
            throw new BookingRefused(code, args);
        };
    }
}

package id.dukcapil.portal.booking.internal;

import id.dukcapil.portal.booking.Booking;
import id.dukcapil.portal.booking.BookingRefused;
import id.dukcapil.portal.booking.BookingResult;
import id.dukcapil.portal.booking.RefusalCode;
import id.dukcapil.portal.shared.tx.CommitUnknownException;
import id.dukcapil.portal.shared.tx.UnitOfWorkLost;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Citizens' requests for one point's day booked in one transaction (decision 046): a request joins those waiting
 * for the same day ({@link Combiner}); one locked read of the day's counter row takes the places of the whole
 * batch, then {@link BookingWriter} (the one way a booking is made) writes the bookings, their journeys' steps, audit
 * entries, idempotency keys and events in batches. The quota holds exactly as with one request at a time; the row's lock and the audit chain's are taken
 * once per batch instead of once per booking. A batch a unique key refuses is booked request by request, each
 * through its own {@link PendingBooking#alone()}; a batch the database rolled back is booked again whole
 * (decision 117).
 */
@Component
public class BookingsTogether {

    private static final Logger log = LoggerFactory.getLogger(BookingsTogether.class);

    /** Requests for one day booked in one transaction at most: a batch holds the day's row for a few ms. */
    static final int BATCH_MAX = 50;
    /**
     * Days whose batches are booked at once. A batch mostly waits for the database (its day's row, its commit), and
     * one held up by a lock (a planner's recount) holds up only its own day; a burst for one day uses one.
     */
    static final int BATCH_THREADS = 8;

    private final BookingRepository bookings;
    private final DayStore days;
    private final BookingWriter writer;
    private final TransactionTemplate transactions;
    private final ExecutorService batchThreads = Executors.newFixedThreadPool(BATCH_THREADS,
            Thread.ofPlatform().name("booking-batch-", 1).daemon(true).factory());
    private final Combiner<PendingBooking.DayKey, PendingBooking> sameDay =
            new Combiner<>(BATCH_MAX, this::bookTogether, batchThreads);
    /** Requests handed to a batch and not yet answered: a burst's queue, or batches held up by a lock. */
    private final AtomicInteger waiting = new AtomicInteger();

    BookingsTogether(BookingRepository bookings, DayStore days, BookingWriter writer, TransactionTemplate transactions,
                     MeterRegistry meters) {
        this.transactions = transactions;
        this.bookings = bookings;
        this.days = days;
        this.writer = writer;
        Gauge.builder("portal.bookings.waiting", waiting, AtomicInteger::get)
                .description("Citizens' booking requests waiting for their day's batch to commit, on this node")
                .register(meters);
    }

    /**
     * Books the request together with the others waiting for its day, on a batch thread. Its answer completes once
     * its batch has committed; the caller need not wait for it with a thread of its own (decision 116).
     */
    public CompletableFuture<BookingResult> book(PendingBooking pending) {
        waiting.incrementAndGet();
        pending.result().whenComplete((answered, failed) -> waiting.decrementAndGet());
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

    /**
     * The batch is one unit of work (decision 117): the retrying template books it whole or not at all, and each
     * request is answered with what committed. Only a unique key refusing a row (a NIK or key taken meanwhile by
     * another batch) sends the requests down the single path, each its own unit of work; a commit whose outcome the
     * lost connection hid is looked up, not guessed.
     */
    private void bookTogether(List<PendingBooking> batch) {
        try {
            AtomicReference<Made> lastTry = new AtomicReference<>();
            Map<PendingBooking, Supplier<BookingResult>> outcomes;
            try {
                outcomes = Objects.requireNonNull(transactions.execute(status -> {
                    Made made = make(batch);
                    lastTry.set(made);
                    return made.outcomes();
                }));
            } catch (DuplicateKeyException taken) {
                batch.forEach(pending -> pending.settle(pending.alone()));
                return;
            } catch (CommitUnknownException unknown) {
                Made made = Objects.requireNonNull(lastTry.get());
                int kept = made.codes().isEmpty() ? 0 : bookings.idsOf(made.codes()).size();
                if (kept == 0 && !made.codes().isEmpty()) {
                    // Nothing of it was kept: the requests are booked again, each on its own.
                    batch.forEach(pending -> pending.settle(pending.alone()));
                    return;
                }
                if (kept != made.codes().size()) {
                    throw unknown;
                }
                outcomes = made.outcomes();
            }
            outcomes.forEach(PendingBooking::settle);
        } catch (RuntimeException | Error failed) {
            // Nobody waits for ever: every request not yet answered gets the failure (503 BUSY when rolled back).
            batch.forEach(pending -> pending.result().completeExceptionally(failed));
            if (failed instanceof Error error) {
                throw error;
            }
            log.warn("A booking batch of {} requests was not booked: {}", batch.size(), failed.toString());
        }
    }

    /** One try's answers, to be given once it has committed, and the codes of the bookings it wrote. */
    private record Made(Map<PendingBooking, Supplier<BookingResult>> outcomes, List<String> codes) {
    }

    /**
     * Books the batch (all for the same day) in the caller's transaction. Returns each request's outcome, to be
     * settled once the transaction has committed. A unique key refusing a row (a NIK or idempotency key used
     * meanwhile by another batch) fails the whole transaction, as any failure of any statement does.
     */
    private Made make(List<PendingBooking> batch) {
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
        int placed = places.closed() ? 0 : Math.min(places.count(), takers.size());
        for (PendingBooking pending : takers.subList(placed, takers.size())) {
            outcomes.put(pending, refusal(places.closed() ? RefusalCode.DAY_CLOSED : RefusalCode.QUOTA_FULL, day.day()));
        }
        List<Booking> made = List.of();
        if (placed > 0) {
            made = writer.make(day.servicePoint(), day.day(), places.firstQueueNumber(), false,
                    takers.subList(0, placed).stream().map(BookingsTogether::taker).toList());
            int lastIssued = places.firstQueueNumber() + placed - 1;
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    requireFirstWriteKept(day, lastIssued);
                }
            });
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
        return new Made(outcomes, made.stream().map(Booking::code).toList());
    }

    private static BookingWriter.Taker taker(PendingBooking pending) {
        return new BookingWriter.Taker(pending.resident(), pending.citizenId(), pending.owner(), pending.actor(),
                pending.journey(), pending.idempotencyKey() == null ? null
                        : new BookingWriter.Key(pending.owner(), pending.idempotencyKey(), pending.requestHash()),
                null);
    }

    /**
     * The last word before the commit, after the audit append (registered after it): the batch's first write is still
     * there, so nothing after it was written into a transaction of its own (decision 117). A statement whose deadlock
     * the server ate (Galera aborting a statement for a replicated write set) rolls back everything before it; the
     * day's row lock goes with it, and the counter no longer says what this batch made it say.
     */
    private void requireFirstWriteKept(PendingBooking.DayKey day, int lastIssued) {
        if (days.issued(day.servicePoint(), day.day()) != lastIssued) {
            throw new UnitOfWorkLost("A booking batch's places were rolled back under it before its commit");
        }
    }

    private static Supplier<BookingResult> refusal(RefusalCode code, Object... args) {
        return () -> {
            throw new BookingRefused(code, args);
        };
    }
}

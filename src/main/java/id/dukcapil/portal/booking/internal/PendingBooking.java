package id.dukcapil.portal.booking.internal;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.booking.BookingJourney;
import id.dukcapil.portal.booking.BookingRequest;
import id.dukcapil.portal.booking.BookingResult;
import id.dukcapil.portal.population.Resident;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A citizen's request that passed every check a committed read can make, waiting to be booked together with the
 * other requests for the same day; its {@link #result} completes with its booking or its refusal.
 *
 * @param owner   how the booking and audit tables name the citizen
 * @param journey its steps so far; the ticket step ends when the booking is made
 * @param alone   books this request on its own (the single path), when its batch could not
 */
public record PendingBooking(long citizenId, String owner, Actor actor, BookingRequest request, Resident resident,
                             @Nullable String idempotencyKey, String requestHash, BookingJourney journey,
                             Supplier<BookingResult> alone, CompletableFuture<BookingResult> result) {

    public PendingBooking(long citizenId, String owner, Actor actor, BookingRequest request, Resident resident,
                          @Nullable String idempotencyKey, String requestHash, BookingJourney journey,
                          Supplier<BookingResult> alone) {
        this(citizenId, owner, actor, request, resident, idempotencyKey, requestHash, journey, alone,
                new CompletableFuture<>());
    }

    /** The day's counter row the request takes its place from. */
    DayKey day() {
        return new DayKey(request.servicePoint(), request.date());
    }

    void settle(Supplier<BookingResult> outcome) {
        try {
            result.complete(outcome.get());
        } catch (RuntimeException refusedOrFailed) {
            result.completeExceptionally(refusedOrFailed);
        }
    }

    record DayKey(String servicePoint, LocalDate day) {
    }
}

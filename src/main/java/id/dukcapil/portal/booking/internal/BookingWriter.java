package id.dukcapil.portal.booking.internal;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.booking.Booking;
import id.dukcapil.portal.booking.BookingJourney;
import id.dukcapil.portal.booking.BookingMade;
import id.dukcapil.portal.booking.BookingStatus;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.tx.UnitOfWorkLost;
import id.dukcapil.portal.sla.FinishedStep;
import id.dukcapil.portal.sla.StepClock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way a booking is made (issue 55), whoever asks: a citizen's batch ({@link BookingsTogether}), a citizen's
 * request booked on its own, a clerk's urgent booking. Given the places already taken from the day's counter row, it
 * writes the bookings in one batched insert, reads their ids back in the caller's transaction, records the
 * idempotency keys with the bookings they made, the journeys' steps, an audit entry and a {@link BookingMade} event
 * per booking. One open booking per NIK, one booking per idempotency key and one per code are the unique keys': a
 * row they refuse fails the caller's whole transaction.
 */
@Component
public class BookingWriter {

    private final BookingRepository bookings;
    private final BookingCodes codes;
    private final StepClock stepClock;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BookingWriter(BookingRepository bookings, BookingCodes codes, StepClock stepClock, AuditLog auditLog,
                  ApplicationEventPublisher events, Clock clock) {
        this.bookings = bookings;
        this.codes = codes;
        this.stepClock = stepClock;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Who a booking is for and who makes it.
     *
     * @param citizenId   the citizen's account, or null for a clerk's booking
     * @param bookedBy    how the booking and audit tables name whoever books
     * @param actor       the citizen as the audit log names them, or null for the signed-in clerk
     * @param journey     the citizen's steps so far, timed once the booking is made; null for a clerk
     * @param key         the idempotency key the request came with, or null
     * @param auditDetail what the audit entry adds (a clerk's urgent reason), or null
     */
    public record Taker(Resident resident, @Nullable Long citizenId, String bookedBy, @Nullable Actor actor,
                        @Nullable BookingJourney journey, @Nullable Key key, @Nullable String auditDetail) {
    }

    /** An idempotency key with the hash of the request it came with. */
    public record Key(String owner, String key, String requestHash) {
    }

    /**
     * Makes the takers' bookings on the places taken for them, in the caller's transaction: the {@code i}-th taker
     * gets queue number {@code firstQueueNumber + i}.
     *
     * @param fromReserve whether the places came from the day's staff reserve
     * @return the bookings made, in the takers' order
     * @throws UnitOfWorkLost when a row written is no longer there before the commit (decision 117)
     */
    public List<Booking> make(String point, LocalDate day, int firstQueueNumber, boolean fromReserve,
                              List<Taker> takers) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Booking> made = new ArrayList<>(takers.size());
        for (int i = 0; i < takers.size(); i++) {
            Taker taker = takers.get(i);
            made.add(new Booking(0, codes.next(), taker.resident().nik().value(), taker.resident().fullName(), point,
                    day, firstQueueNumber + i, BookingStatus.BOOKED, taker.citizenId(), taker.bookedBy(), fromReserve,
                    now, null, null, 0, null, null));
        }
        bookings.insertAll(made.stream().map(booking -> new BookingSql.NewBooking(booking.code(), booking.nik(),
                booking.residentName(), point, day, booking.queueNumber(), booking.citizenId(), booking.bookedBy(),
                fromReserve, now)).toList());
        Map<String, Long> ids = stillThere(made.stream().map(Booking::code).toList());
        List<BookingSql.KeyClaim> claims = new ArrayList<>();
        List<FinishedStep> steps = new ArrayList<>();
        for (int i = 0; i < made.size(); i++) {
            Taker taker = takers.get(i);
            Booking booking = made.get(i).withId(ids.get(made.get(i).code()));
            made.set(i, booking);
            if (taker.key() != null) {
                claims.add(new BookingSql.KeyClaim(taker.key().owner(), taker.key().key(), taker.key().requestHash(),
                        now, booking.id()));
            }
            if (taker.journey() != null) {
                steps.addAll(taker.journey().finishedSteps(booking.code(), now, taker.bookedBy(), point));
            }
            AuditRecord entry = BookingAudit.made(booking);
            if (taker.auditDetail() != null) {
                entry = entry.withDetail(entry.detail() + "; " + taker.auditDetail());
            }
            if (taker.actor() != null) {
                auditLog.record(taker.actor(), entry);
            } else {
                auditLog.record(entry);
            }
            events.publishEvent(BookingMade.made(booking));
        }
        if (!claims.isEmpty()) {
            bookings.keysUsed(claims);
        }
        if (!steps.isEmpty()) {
            stepClock.recordFinished(steps);
        }
        return made;
    }

    /** The bookings' ids, read in the caller's transaction, or {@link UnitOfWorkLost} when any is gone. */
    private Map<String, Long> stillThere(List<String> codes) {
        Map<String, Long> ids = bookings.idsOf(codes);
        if (ids.size() != codes.size()) {
            throw new UnitOfWorkLost("%d of %d bookings written vanished before their commit"
                    .formatted(codes.size() - ids.size(), codes.size()));
        }
        return ids;
    }
}

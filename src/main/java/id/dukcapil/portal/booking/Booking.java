package id.dukcapil.portal.booking;

import id.dukcapil.portal.shared.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A booking: whose card is printed, where, on which day, with which queue number.
 *
 * <p>Its state changes only through its own methods ({@link #arrive}, {@link #print}, {@link #cannotPrint},
 * {@link #markNoShow}, the three cancellations and {@link #moveTo}), each refusing in words a change its state does
 * not allow ({@link BookingTransition}). Each gives a {@link Change}, which {@code BookingStore.change} writes only
 * while the booking is still as read: no other code writes a booking's state (decision 173).
 *
 * @param code        the booking code on the ticket (barcode and QR)
 * @param queueNumber the number in that day's queue at that point; never given twice
 * @param citizenId   the citizen account that booked it, or null for a booking made by staff
 */
public record Booking(long id, String code, String nik, String residentName, String servicePoint, LocalDate day,
                      int queueNumber, BookingStatus status, @Nullable Long citizenId, String bookedBy,
                      boolean fromReserve, Instant createdAt, @Nullable Instant arrivedAt, @Nullable Instant finishedAt,
                      int spoiled, @Nullable String outcomeReason, @Nullable String outcomeNote) {

    public static final int NOTE_MAX_LENGTH = 300;

    /** The same booking as stored under {@code id}. */
    public Booking withId(long id) {
        return new Booking(id, code, nik, residentName, servicePoint, day, queueNumber, status, citizenId, bookedBy,
                fromReserve, createdAt, arrivedAt, finishedAt, spoiled, outcomeReason, outcomeNote);
    }

    /** The NIK as a ticket or a screen shows it: the last four digits hidden. */
    public String maskedNik() {
        return nik.substring(0, 12) + "****";
    }

    /** The citizen is at the counter: checked in. Only a booking still waiting. */
    public Change arrive(Instant at) {
        return change(BookingTransition.CHECK_IN, at, null, null);
    }

    /** The card is printed. Only a booking checked in. */
    public Change print(Instant at) {
        return change(BookingTransition.PRINT, at, null, null);
    }

    /** The card cannot be printed, why and the advice given. Only a booking checked in. */
    public Change cannotPrint(CannotPrintReason reason, @Nullable String note, Instant at) {
        return change(BookingTransition.CANNOT_PRINT, at, reason.name(), note);
    }

    /** Nobody came by the day's end. Only a booking still waiting. */
    public Change markNoShow(Instant at) {
        return change(BookingTransition.NO_SHOW, at, null, null);
    }

    /** The citizen cancels. Only a booking still waiting (until the day before: the service's rule). */
    public Change cancelByCitizen(Instant at) {
        return change(BookingTransition.CANCEL_BY_CITIZEN, at, null, null);
    }

    /** The day closed, for the reason the planner gave (or the holiday's name). A booking waiting or checked in. */
    public Change cancelForClosedDay(String why, Instant at) {
        return change(BookingTransition.CANCEL_FOR_CLOSED_DAY, at, null, why);
    }

    /** The register no longer lists the resident. Only a booking still waiting: one checked in stays with the counter. */
    public Change cancelForResidentGone(Instant at) {
        return change(BookingTransition.CANCEL_FOR_RESIDENT_GONE, at, null, null);
    }

    /** Moved to another day with that day's queue number. Only a booking still waiting. */
    public Change moveTo(LocalDate newDay, int newQueueNumber, Instant at) {
        refuseUnless(BookingTransition.MOVE);
        return new Change(this, BookingTransition.MOVE, at, null, null, newDay, newQueueNumber);
    }

    /** Whether the booking's state allows the change. */
    boolean allows(BookingTransition transition) {
        return transition.allowedFrom(status);
    }

    private Change change(BookingTransition transition, Instant at, @Nullable String reason, @Nullable String note) {
        refuseUnless(transition);
        return new Change(this, transition, at,
                transition.outcomeReason() != null ? transition.outcomeReason() : reason, note, day, queueNumber);
    }

    private void refuseUnless(BookingTransition transition) {
        if (!allows(transition)) {
            throw new RuleViolation(List.of(transition.refusalKey(), BookingTransition.standsKey(status)), code);
        }
    }

    /**
     * A change of state the booking allowed, made only by its methods: what {@code BookingStore.change} writes, and
     * only while the booking is still in the state and on the day it was read with ({@link #from()}, {@link #day()}
     * of {@link #booking()}).
     */
    public static final class Change {

        private final Booking booking;
        private final BookingTransition transition;
        private final Instant at;
        private final @Nullable String reason;
        private final @Nullable String note;
        private final LocalDate newDay;
        private final int newQueueNumber;

        private Change(Booking booking, BookingTransition transition, Instant at, @Nullable String reason,
                       @Nullable String note, LocalDate newDay, int newQueueNumber) {
            this.booking = booking;
            this.transition = transition;
            this.at = at;
            this.reason = reason;
            this.note = note;
            this.newDay = newDay;
            this.newQueueNumber = newQueueNumber;
        }

        /** The booking as read when the change was decided. */
        public Booking booking() {
            return booking;
        }

        public long id() {
            return booking.id();
        }

        /** The state the booking was read in: the write's condition. */
        public BookingStatus from() {
            return booking.status();
        }

        /** The day the booking was read on: the write's condition too (a move changes it). */
        public LocalDate day() {
            return booking.day();
        }

        public BookingStatus to() {
            return transition.to();
        }

        /** A move to another day: the state stays, the day and the queue number change. */
        public boolean move() {
            return transition == BookingTransition.MOVE;
        }

        public Instant at() {
            return at;
        }

        /** The outcome reason stored with a closing change. */
        public @Nullable String reason() {
            return reason;
        }

        public @Nullable String note() {
            return note;
        }

        /** A move's new day; otherwise the day as read. */
        public LocalDate newDay() {
            return newDay;
        }

        /** A move's new queue number; otherwise the number as read. */
        public int newQueueNumber() {
            return newQueueNumber;
        }

        /**
         * The same change decided again on a fresh read of the booking, for a caller that read it without a lock and
         * found it changed meanwhile: empty if its state no longer allows the change, or if the change was about the
         * day the booking was on and it has moved to another since (a closed day, the day's no-shows). A move is never
         * decided again: its new day's place was taken for the booking as read.
         */
        public Optional<Change> decidedAgainOn(Booking fresh) {
            if (move() || fresh.id() != booking.id() || !fresh.allows(transition)
                    || transition.aboutItsDay() && !fresh.day().equals(booking.day())) {
                return Optional.empty();
            }
            return Optional.of(new Change(fresh, transition, at, reason, note, fresh.day(), fresh.queueNumber()));
        }

        @Override
        public String toString() {
            return booking.code() + ": " + booking.status() + " → " + transition + " → " + transition.to();
        }
    }
}

package id.dukcapil.portal.booking.internal;

import static id.dukcapil.portal.booking.BookingStatus.ARRIVED;
import static id.dukcapil.portal.booking.BookingStatus.BOOKED;
import static id.dukcapil.portal.booking.BookingStatus.CANCELLED;
import static id.dukcapil.portal.booking.BookingStatus.PRINTED;

import id.dukcapil.portal.booking.BookingStatus;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every change a booking can undergo after it is made (as BOOKED), one row each: the states it may leave, the state
 * it enters, and for a cancellation the outcome reason stored with it. The one place that says which change is
 * allowed from which state (decisions 173, 193): {@link BookingEntity}'s methods apply it, refusing in words a change
 * the booking's state does not allow, and its version makes a write over an older read fail rather than win.
 *
 * <p>A cancellation is three rows, not one: who cancels decides from which states. A citizen cancels (and moves) only
 * a booking still waiting; a resident gone from the register cancels only a booking still waiting, since one checked
 * in stays with the counter (decision 099); a closed day cancels a booking waiting or at the counter.
 */
public enum BookingTransition {

    /** The citizen is at the counter: the code scanned or typed. */
    CHECK_IN(ARRIVED, null, BOOKED),
    /** The card is printed (a spoiled card is not a change of state: the booking stays ARRIVED). */
    PRINT(PRINTED, null, ARRIVED),
    /** The card cannot be printed; why (a {@link CannotPrintReason}) is the outcome reason. */
    CANNOT_PRINT(BookingStatus.CANNOT_PRINT, null, ARRIVED),
    /** Nobody came by the day's end: a decision about that day. */
    NO_SHOW(BookingStatus.NO_SHOW, null, BOOKED),
    /** The citizen cancels, until the day before. */
    CANCEL_BY_CITIZEN(CANCELLED, "CITIZEN", BOOKED),
    /** The day closed (a local closure, a national holiday, a day the point no longer serves): about that day. */
    CANCEL_FOR_CLOSED_DAY(CANCELLED, "DAY_CLOSED", BOOKED, ARRIVED),
    /** An import of SIAK's extract no longer lists the resident (decisions 099, 108). */
    CANCEL_FOR_RESIDENT_GONE(CANCELLED, "RESIDENT_GONE", BOOKED),
    /** The citizen moves the booking to another day: it stays BOOKED, with the new day's queue number. */
    MOVE(BOOKED, null, BOOKED);

    private final BookingStatus to;
    private final @Nullable String outcomeReason;
    private final Set<BookingStatus> from;

    BookingTransition(BookingStatus to, @Nullable String outcomeReason, BookingStatus from, BookingStatus... alsoFrom) {
        this.to = to;
        this.outcomeReason = outcomeReason;
        this.from = EnumSet.of(from, alsoFrom);
    }

    /** Whether a booking in this state may undergo the change. */
    public boolean allowedFrom(BookingStatus status) {
        return from.contains(status);
    }

    public Set<BookingStatus> from() {
        return from;
    }

    public BookingStatus to() {
        return to;
    }

    /** The outcome reason a cancellation stores ({@code booking_booking.outcome_reason}); null for the others. */
    public @Nullable String outcomeReason() {
        return outcomeReason;
    }

    /** What was refused, in words; the booking's state follows it ({@code booking.stands.<STATUS>}). */
    public String refusalKey() {
        return "booking.transition." + name();
    }

    /** The words that say where a booking in the state stands, after a refused change's own. */
    public static String standsKey(BookingStatus status) {
        return "booking.stands." + status.name();
    }
}

package id.dukcapil.portal.booking;

/**
 * A booking in the day's queue at the counter.
 *
 * @param residentGone whether SIAK's latest extract no longer lists the booked resident (decision 099): the card
 *                     is not printed, the citizen is sent to the registration desk
 */
public record QueuedBooking(Booking booking, boolean residentGone) {

    /** Whether the citizen is still to come to the desk: booked, not checked in, and printable. */
    public boolean waiting() {
        return booking.status() == BookingStatus.BOOKED && !residentGone;
    }
}

package id.dukcapil.portal.booking;

/**
 * A booking was made, or moved to another day ({@code moved}): its ticket goes out by e-mail, saying which.
 * Events stored before {@code moved} existed read as made.
 */
public record BookingMade(long bookingId, String code, boolean moved) {

    public static BookingMade made(Booking booking) {
        return new BookingMade(booking.id(), booking.code(), false);
    }

    public static BookingMade moved(Booking booking) {
        return new BookingMade(booking.id(), booking.code(), true);
    }
}

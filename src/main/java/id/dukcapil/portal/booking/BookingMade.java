package id.dukcapil.portal.booking;

/** A booking was made or moved to another day: its ticket goes out by e-mail. */
public record BookingMade(long bookingId, String code) {
}

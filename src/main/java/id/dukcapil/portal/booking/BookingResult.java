package id.dukcapil.portal.booking;

/** @param replayed true when an earlier request with the same idempotency key made the booking */
public record BookingResult(Booking booking, boolean replayed) {
}

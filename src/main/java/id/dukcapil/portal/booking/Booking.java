package id.dukcapil.portal.booking;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A booking: whose card is printed, where, on which day, with which queue number.
 *
 * <p>What the module hands out: a copy, as read. Its state changes only through the methods of the module's entity
 * ({@code internal.BookingEntity}), each refusing in words a change its state does not allow (the table
 * {@code internal.BookingTransition}); no other code writes a booking's state (decisions 173, 193).
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
}
